//! Ships the console compressed: a `.gz` (gzip -9) and a `.br` (brotli 11) beside every hashed
//! asset of dist/, written once at build time so neither the mock nor nginx compresses per
//! request. index.html and config.json are left alone: a host edits config.json in place, and
//! a stale `.gz` beside it would be served instead.

use std::io::Write;
use std::path::Path;

/// Sizes of one asset: raw, gzip, brotli (bytes).
pub struct Sizes {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

fn is_hashed_asset(name: &str) -> bool {
    let stem = name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        // Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, sometimes fewer
        // (a stylesheet named `main-5187ab8f34ee991.css` was once left uncompressed and uncounted).
        .is_some_and(|(_, h)| {
            (12..=16).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit())
        })
}

pub fn gzip(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).map_err(|e| e.to_string())?;
    enc.finish().map_err(|e| e.to_string())
}

pub fn brotli(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Writes `.gz` and `.br` beside every hashed asset in `dist`; returns the sizes.
pub fn dist(dist: &Path) -> Result<Vec<Sizes>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_hashed_asset(n) && !n.ends_with(".gz") && !n.ends_with(".br"))
        .collect();
    names.sort();
    for name in names {
        let path = dist.join(&name);
        let data = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gz = gzip(&data)?;
        let br = brotli(&data)?;
        let write = |ext: &str, bytes: &[u8]| {
            let p = dist.join(format!("{name}.{ext}"));
            std::fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))
        };
        write("gz", &gz)?;
        write("br", &br)?;
        out.push(Sizes {
            name,
            raw: data.len() as u64,
            gzip: gz.len() as u64,
            brotli: br.len() as u64,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_skips_unhashed_files() {
        let dir = std::env::temp_dir().join(format!("fc-compress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let body = "console ".repeat(1000);
        std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), &body).unwrap();
        std::fs::write(dir.join("config.json"), "{}").unwrap();
        let sizes = dist(&dir).unwrap();
        assert_eq!(sizes.len(), 1);
        assert!(sizes[0].gzip < sizes[0].raw / 10 && sizes[0].brotli < sizes[0].raw / 10);
        let gz = std::fs::read(dir.join("app-0123456789abcdef_bg.wasm.gz")).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut text)
            .unwrap();
        assert_eq!(text, body);
        let br = std::fs::read(dir.join("app-0123456789abcdef_bg.wasm.br")).unwrap();
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut plain).unwrap();
        assert_eq!(plain, body.as_bytes());
        assert!(!dir.join("config.json.gz").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
