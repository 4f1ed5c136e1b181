//! The split build (`--features split`, see src/lazy.rs) needs the linker's relocations in the
//! wasm: the splitter reads them to move each page's code into its chunk. Only then: they make
//! the module bigger, and an unsplit build has no use for them.

fn main() {
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
