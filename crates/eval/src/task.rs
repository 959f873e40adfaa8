//! The tasks the scorer knows.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// One evaluation task of the README, named as there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Task {
    /// Direct and mixed attribution relations (attribution layer).
    Direct,
    /// All attribution relations (attribution layer).
    Attribution,
    /// Speech quotations against direct relations (quotes layer).
    Quotes,
    /// Death and injury figures (casualties layer).
    Casualties,
    /// Outlet, wire agencies, dateline and boilerplate (source layer).
    Source,
}

impl Task {
    pub const ALL: [Task; 5] = [
        Task::Direct,
        Task::Attribution,
        Task::Quotes,
        Task::Casualties,
        Task::Source,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Task::Direct => "direct",
            Task::Attribution => "attribution",
            Task::Quotes => "quotes",
            Task::Casualties => "casualties",
            Task::Source => "source",
        }
    }

    /// The output layer this task reads.
    pub const fn layer(self) -> &'static str {
        match self {
            Task::Direct | Task::Attribution => "attribution",
            Task::Quotes => "quotes",
            Task::Casualties => "casualties",
            Task::Source => "source",
        }
    }
}

impl fmt::Display for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A task name that is none of [`Task::ALL`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownTask(pub String);

impl fmt::Display for UnknownTask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Task::ALL.iter().map(|t| t.name()).collect();
        write!(
            f,
            "unknown task `{}` (expected one of: {})",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownTask {}

impl FromStr for Task {
    type Err = UnknownTask;

    fn from_str(s: &str) -> Result<Task, UnknownTask> {
        Task::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| UnknownTask(s.to_owned()))
    }
}
