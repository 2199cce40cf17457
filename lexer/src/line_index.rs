//! Byte offsets to line and column, for error messages and ast positions.

/// The start offset of every line of a source text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Index the lines of `source`. A line ends after `\n`, `\r\n` or a lone `\r`.
    pub fn new(source: &str) -> LineIndex {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// 1-based line number and 0-based byte column of `offset`.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line - 1];
        (line as u32, offset - line_start)
    }

    /// Byte offset where 1-based `line` starts (the end of the text for lines past it).
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.starts.get(line as usize - 1).copied()
    }

    /// The text of 1-based `line` without its line ending.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> &'s str {
        let Some(&start) = self.starts.get(line.saturating_sub(1) as usize) else {
            return "";
        };
        let end = self
            .starts
            .get(line as usize)
            .map_or(source.len(), |&e| e as usize);
        source[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    /// Number of lines.
    pub fn line_count(&self) -> u32 {
        self.starts.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\ncd\r\nef\rg";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(0), (1, 0));
        assert_eq!(idx.line_col(4), (2, 1));
        assert_eq!(idx.line_col(7), (3, 0));
        assert_eq!(idx.line_col(10), (4, 0));
        assert_eq!(idx.line_text(src, 2), "cd");
        assert_eq!(idx.line_count(), 4);
    }
}
