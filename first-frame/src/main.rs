//! `csp-first-frame [DIR]`: writes the first frame of every guide scenario in both languages
//! into DIR/first/ (DIR: trunk's staging folder when run as its hook), from the preset files
//! of DIR/presets/, the ones the page fetches.

use csp_first_frame::{file_name, preset_frame, LANGS};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn run(dir: &Path) -> Result<(usize, usize), String> {
    let out = dir.join("first");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let (mut files, mut bytes) = (0, 0);
    for preset in csp_rules::presets::all() {
        let path = dir.join(preset.path());
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for lang in LANGS {
            let markup = preset_frame(preset.number, &text, lang)?;
            let file = dir.join(file_name(preset.number, lang));
            std::fs::write(&file, &markup).map_err(|e| format!("{}: {e}", file.display()))?;
            files += 1;
            bytes += markup.len();
        }
    }
    Ok((files, bytes))
}

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from);
    let Some(dir) = dir else {
        eprintln!("error: csp-first-frame: give the built folder (csp-first-frame DIR) or run as a trunk hook");
        return ExitCode::from(2);
    };
    match run(&dir) {
        Ok((files, bytes)) => {
            println!("first-frame: {files} first frames, {bytes} B in all");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("error: csp-first-frame: {why}");
            ExitCode::from(1)
        }
    }
}
