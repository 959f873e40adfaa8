//! Errors that point at the place in a file to fix, in the style of rustc and Vector.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A source file a diagnostic can point into.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    fn line_text(&self, line: usize) -> &str {
        self.text.lines().nth(line - 1).unwrap_or("")
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem, with where it is and what to do about it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub message: String,
    /// The file and the bytes of it the problem is about.
    pub location: Option<Box<(SourceFile, Range<usize>)>>,
    /// The pipeline stage the problem is about.
    pub stage: Option<String>,
    /// What to do about it.
    pub help: Vec<String>,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            message: message.into(),
            location: None,
            stage: None,
            help: Vec::new(),
        }
    }

    pub fn at(mut self, file: &SourceFile, span: Range<usize>) -> Diagnostic {
        self.location = Some(Box::new((file.clone(), span)));
        self
    }

    pub fn in_stage(mut self, stage: impl Into<String>) -> Diagnostic {
        self.stage = Some(stage.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }

    /// `file:line:column` of the start, when there is a location.
    pub fn position(&self) -> Option<(PathBuf, usize, usize)> {
        let (file, span) = self.location.as_deref()?;
        let (line, col) = file.line_col(span.start);
        Some((file.path.clone(), line, col))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error")?;
        if let Some(stage) = &self.stage {
            write!(f, " in stage `{stage}`")?;
        }
        writeln!(f, ": {}", self.message)?;
        if let Some((file, span)) = self.location.as_deref() {
            let (line, col) = file.line_col(span.start);
            let gutter = line.to_string().len();
            let pad = " ".repeat(gutter);
            writeln!(f, "{pad}--> {}:{line}:{col}", display_path(&file.path))?;
            writeln!(f, "{pad} |")?;
            let text = file.line_text(line);
            writeln!(f, "{line} | {text}")?;
            let (end_line, end_col) = file.line_col(span.end);
            let width = if end_line == line {
                end_col.saturating_sub(col).max(1)
            } else {
                text.chars().count().saturating_sub(col - 1).max(1)
            };
            writeln!(f, "{pad} | {}{}", " ".repeat(col - 1), "^".repeat(width))?;
        }
        for help in &self.help {
            writeln!(f, "  = help: {help}")?;
        }
        Ok(())
    }
}

fn display_path(path: &Path) -> String {
    path.display().to_string()
}

/// Every problem found in one check; shown together so that a user fixes them in one go.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// `Ok(value)` when there are no problems.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Diagnostics {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        if self.0.len() > 1 {
            writeln!(f, "\n{} problems found.", self.0.len())?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_line_and_column() {
        let file = SourceFile::new("p.toml", "a = 1\n[[stage]]\nname = \"quotse\"\n");
        let start = file.text.find("\"quotse\"").unwrap();
        let d = Diagnostic::new("no plugin named `quotse`")
            .at(&file, start..start + 8)
            .in_stage("quotse")
            .help("did you mean `quotes`?");
        assert_eq!(d.position().unwrap().1, 3);
        assert_eq!(d.position().unwrap().2, 8);
        let shown = d.to_string();
        assert!(shown.contains("--> p.toml:3:8"), "{shown}");
        assert!(shown.contains("3 | name = \"quotse\""), "{shown}");
        assert!(shown.contains("  |        ^^^^^^^^"), "{shown}");
        assert!(shown.contains("= help: did you mean `quotes`?"), "{shown}");
    }

    #[test]
    fn columns_count_characters() {
        let file = SourceFile::new("p.toml", "x = \"—\" y");
        assert_eq!(file.line_col(file.text.find('y').unwrap()), (1, 9));
    }
}
