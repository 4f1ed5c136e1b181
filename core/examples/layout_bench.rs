//! The layout half of `cargo xtask bench --only layout`, run in release: lays out the
//! benchmark's synthetic tasks, prints one line per task
//! `LAYOUT shape=dense n=2000 width=20 crossings=123 median_ms=4.56 runs=5`,
//! and, given a folder, writes each task's DOT text there (`dense-2000.dot`) for dot.
use console_core::graph::dag::build;
use console_core::graph::layout::layout;
use console_core::task::synthetic;
use std::time::Instant;

/// (shape, subtasks, width): the browser benchmark's chains, and dense layered tasks.
const TASKS: &[(&str, usize, usize)] = &[
    ("chains", 200, 10),
    ("chains", 2000, 20),
    ("chains", 10_000, 50),
    ("dense", 200, 10),
    ("dense", 2000, 20),
    ("dense", 10_000, 50),
];

fn main() -> Result<(), String> {
    let dot_dir = std::env::args().nth(1).map(std::path::PathBuf::from);
    for &(shape, n, width) in TASKS {
        let task = if shape == "dense" {
            synthetic::dense_task(1, n, width)
        } else {
            synthetic::task(1, n, width)
        };
        let g = build(task.subtasks()).map_err(|e| e.to_string())?;
        let runs = if n >= 10_000 { 5 } else { 11 };
        let mut times = Vec::new();
        let mut crossings = 0;
        for _ in 0..runs {
            let t0 = Instant::now();
            let l = layout(&g);
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
            crossings = l.crossings();
        }
        times.sort_by(f64::total_cmp);
        let ms = times[times.len() / 2];
        println!("LAYOUT shape={shape} n={n} width={width} crossings={crossings} median_ms={ms:.2} runs={runs}");
        if let Some(dir) = &dot_dir {
            let path = dir.join(format!("{shape}-{n}.dot"));
            std::fs::write(&path, g.to_dot())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}
