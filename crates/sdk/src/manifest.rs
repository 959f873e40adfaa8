use serde::{Deserialize, Serialize};

/// What a stage says about itself: read by the host before any document runs, to check
/// the pipeline and to explain it (`newsproc check`, `newsproc stages`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub description: String,
    /// The layer this stage adds to each document.
    pub provides: String,
    /// Layers that must be provided by an earlier stage.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Layers the stage reads when an earlier stage provides them, and does without
    /// otherwise.
    #[serde(default)]
    pub uses: Vec<String>,
    /// Every configuration key the stage accepts; any other key is an error.
    #[serde(default)]
    pub config: Vec<ConfigKey>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigKey {
    pub key: String,
    /// The value used when the pipeline does not set the key.
    pub default: serde_json::Value,
    #[serde(default)]
    pub doc: String,
}

impl Manifest {
    pub fn config_key(&self, key: &str) -> Option<&ConfigKey> {
        self.config.iter().find(|k| k.key == key)
    }

    /// The layers this stage gets to see: its required layers, and the used ones.
    pub fn visible_layers(&self) -> impl Iterator<Item = &str> {
        self.requires.iter().chain(&self.uses).map(String::as_str)
    }
}
