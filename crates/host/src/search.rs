//! Where plugins are looked for: directories from the command line, then from the
//! pipeline file, then the executable's own directory.

use std::fmt;
use std::path::{Path, PathBuf};

use newsproc_abi::LIBRARY_PREFIX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    CommandLine,
    PipelineFile,
    NextToExecutable,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::CommandLine => "--plugin-dir",
            Origin::PipelineFile => "plugin_dirs",
            Origin::NextToExecutable => "next to the executable",
        })
    }
}

/// The ordered plugin search path. The first directory holding a plugin wins.
#[derive(Debug, Clone, Default)]
pub struct SearchPath {
    pub dirs: Vec<(PathBuf, Origin)>,
}

/// A library file on the search path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The plugin name a pipeline uses: `source` for `libnewsproc_stage_source.so`.
    pub name: String,
    pub path: PathBuf,
}

impl SearchPath {
    pub fn new(
        from_command_line: &[PathBuf],
        from_pipeline_file: &[PathBuf],
        include_executable_dir: bool,
    ) -> SearchPath {
        let mut dirs: Vec<(PathBuf, Origin)> = Vec::new();
        let mut add = |dir: PathBuf, origin| {
            if !dirs.iter().any(|(d, _)| *d == dir) {
                dirs.push((dir, origin));
            }
        };
        for d in from_command_line {
            add(d.clone(), Origin::CommandLine);
        }
        for d in from_pipeline_file {
            add(d.clone(), Origin::PipelineFile);
        }
        if include_executable_dir
            && let Some(dir) = std::env::current_exe()
                .ok()
                .and_then(|p| Some(p.parent()?.to_path_buf()))
        {
            add(dir, Origin::NextToExecutable);
        }
        SearchPath { dirs }
    }

    /// The file a plugin of this name has: `libnewsproc_stage_<name>.so` on Linux.
    pub fn library_file_name(plugin: &str) -> String {
        format!(
            "{}{LIBRARY_PREFIX}{}{}",
            std::env::consts::DLL_PREFIX,
            plugin.replace('-', "_"),
            std::env::consts::DLL_SUFFIX
        )
    }

    pub fn find(&self, plugin: &str) -> Option<PathBuf> {
        let file = Self::library_file_name(plugin);
        self.dirs
            .iter()
            .map(|(dir, _)| dir.join(&file))
            .find(|p| p.is_file())
    }

    /// Every plugin library on the path, by name; where two directories hold the same
    /// name, the earlier one.
    pub fn candidates(&self) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = Vec::new();
        for (dir, _) in &self.dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut here: Vec<Candidate> = entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    plugin_name_of(&e.path()).map(|name| Candidate {
                        name,
                        path: e.path(),
                    })
                })
                .filter(|c| c.path.is_file())
                .collect();
            here.sort_by(|a, b| a.name.cmp(&b.name));
            for c in here {
                if !found.iter().any(|f| f.name == c.name) {
                    found.push(c);
                }
            }
        }
        found
    }

    pub fn describe(&self) -> String {
        if self.dirs.is_empty() {
            return "(no directories)".to_owned();
        }
        self.dirs
            .iter()
            .map(|(d, origin)| format!("{} ({origin})", d.display()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `source` for `…/libnewsproc_stage_source.so`; `None` for any other file.
pub fn plugin_name_of(path: &Path) -> Option<String> {
    let file = path.file_name()?.to_str()?;
    let stem = file
        .strip_prefix(std::env::consts::DLL_PREFIX)?
        .strip_suffix(std::env::consts::DLL_SUFFIX)?;
    stem.strip_prefix(LIBRARY_PREFIX).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_file_names() {
        let file = SearchPath::library_file_name("source");
        assert!(file.contains("newsproc_stage_source"));
        assert_eq!(plugin_name_of(Path::new(&file)).as_deref(), Some("source"));
        assert_eq!(plugin_name_of(Path::new("libfoo.so")), None);
        assert_eq!(
            SearchPath::library_file_name("my-stage"),
            SearchPath::library_file_name("my_stage")
        );
    }

    #[test]
    fn earlier_directories_win_and_are_not_repeated() {
        let p = SearchPath::new(&["a".into(), "b".into()], &["a".into(), "c".into()], false);
        let dirs: Vec<_> = p
            .dirs
            .iter()
            .map(|(d, o)| (d.to_str().unwrap(), *o))
            .collect();
        assert_eq!(
            dirs,
            [
                ("a", Origin::CommandLine),
                ("b", Origin::CommandLine),
                ("c", Origin::PipelineFile)
            ]
        );
    }
}
