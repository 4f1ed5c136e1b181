pub mod cluster;
pub mod dialog;
pub mod launch;
pub mod load;
pub mod poll;
pub mod ticker;
pub mod timing;
pub mod title;
