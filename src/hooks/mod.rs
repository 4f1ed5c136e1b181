pub mod launch;
pub mod load;
