//! Dict views (`d.keys()`, `d.values()`, `d.items()`): which one a view is.
//! A view holds its dict and reads it afresh on every use, so it shows later
//! changes; the operations live in builtins/dict_view.rs.

/// Which view of a dict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// `dict_keys`: the keys, set-like.
    Keys,
    /// `dict_values`: the values.
    Values,
    /// `dict_items`: `(key, value)` tuples, set-like.
    Items,
}

impl ViewKind {
    /// The view's type name.
    pub fn name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
}
