//! Reading the data files: tab-separated with a header line, `#` comment lines, or one
//! item a line. Columns are found by their header name, so a file whose columns are
//! reordered or widened still reads right, and a file without a column the code needs
//! fails when the lexicons load (every `cargo test` loads them), naming the file.

/// A data file compiled into the binary.
#[derive(Debug, Clone, Copy)]
pub struct DataFile {
    /// The file name under `data/`.
    pub name: &'static str,
    pub text: &'static str,
}

/// `data_file!("places.tsv")`: the file, compiled in.
macro_rules! data_file {
    ($name:literal) => {
        $crate::lexicon::DataFile { name: $name, text: include_str!(concat!("../../data/", $name)) }
    };
}
pub(crate) use data_file;

impl DataFile {
    fn content_lines(&self) -> impl Iterator<Item = &'static str> {
        self.text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    }

    /// The header's column names.
    pub fn header(&self) -> Vec<&'static str> {
        self.content_lines().next().unwrap_or("").split('\t').map(str::trim).collect()
    }

    /// The rows of a TSV file as the fields of `columns`, in that order. A short row reads
    /// "" for its missing fields.
    ///
    /// # Panics
    /// When the header lacks one of `columns`: a broken data file, caught by the lexicon
    /// tests before anything ships.
    pub fn rows<const N: usize>(&self, columns: [&str; N]) -> impl Iterator<Item = [&'static str; N]> {
        let header = self.header();
        let name = self.name;
        let index = columns.map(|c| {
            header.iter().position(|h| *h == c).unwrap_or_else(|| panic!("data/{name}: no column {c:?} in {header:?}"))
        });
        let last = index.iter().copied().max().unwrap_or(0);
        // No vector per line: places.tsv alone has 45,000 rows, read at every start-up.
        self.content_lines().skip(1).map(move |line| {
            let mut row = [""; N];
            for (i, field) in line.split('\t').take(last + 1).enumerate() {
                for (slot, &want) in row.iter_mut().zip(&index) {
                    if want == i {
                        *slot = field.trim();
                    }
                }
            }
            row
        })
    }

    /// The items of a one-item-a-line file.
    pub fn items(&self) -> impl Iterator<Item = &'static str> {
        self.text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: DataFile = DataFile { name: "test.tsv", text: "# comment\na\tb\tc\n1\t2\t3\n\n4\t5\n# more\n" };

    #[test]
    fn columns_are_read_by_name() {
        let rows: Vec<[&str; 2]> = FILE.rows(["c", "a"]).collect();
        assert_eq!(rows, vec![["3", "1"], ["", "4"]]);
    }

    #[test]
    #[should_panic(expected = "data/test.tsv: no column \"d\"")]
    fn a_missing_column_names_the_file() {
        let _ = FILE.rows(["a", "d"]).count();
    }
}
