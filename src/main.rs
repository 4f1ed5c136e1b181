fn main() {
    failover_console::start();
}
