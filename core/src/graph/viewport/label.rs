//! How big a node's label is drawn, and a step's name broken onto the two lines its box
//! holds, wide (CJK) characters counted double. Apart from the camera: the camera only needs
//! the sizes, the node view only the lines.

/// Font size of node labels in layout units (`.node text` in style/main.css: keep in step).
pub const LABEL_PX: f64 = 13.0;
/// No label is ever drawn smaller than this on screen.
pub const MIN_LABEL_PX: f64 = 12.0;
/// Width of one line of a node's name, in [`text_units`] (a Latin letter is 1, a CJK
/// character 2): what fits between the status icon and the node's right edge at 13 px.
pub const LINE_UNITS: usize = 20;

/// Display width of text in units: 2 for wide (CJK, full-width) characters, 1 for the rest.
pub fn text_units(s: &str) -> usize {
    s.chars().map(char_units).sum()
}

fn char_units(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
    if wide {
        2
    } else {
        1
    }
}

/// A step's name on at most two lines of `max` units: broken at a space (or between wide
/// characters, or after `-`, `_`, `/`, `.`), a word longer than a line cut hard; what does not
/// fit on the second line ends in `…`. The second line is empty when one suffices.
pub fn label_lines(name: &str, max: usize) -> (String, String) {
    let name = name.trim();
    let max = max.max(2);
    if text_units(name) <= max {
        return (name.to_string(), String::new());
    }
    let chars: Vec<char> = name.chars().collect();
    // Where the first line ends: the last break opportunity within `max` units.
    let mut width = 0;
    let mut end = 0; // first char index not on line 1 (hard cut)
    let mut brk = None; // char index where line 2 would start at the last opportunity
    for (i, &c) in chars.iter().enumerate() {
        let w = char_units(c);
        if c == ' ' {
            brk = Some(i);
        } else if width + w > max {
            // The line is full; a break just before this character is still allowed.
            if i > 0 && (char_units(chars[i - 1]) == 2 || w == 2) {
                brk = Some(i);
            }
            break;
        } else if i > 0 && (char_units(chars[i - 1]) == 2 || char_units(c) == 2) {
            brk = Some(i);
        }
        width += w;
        end = i + 1;
        if matches!(c, '-' | '_' | '/' | '.') && i + 1 < chars.len() {
            brk = Some(i + 1);
        }
    }
    let cut = brk.filter(|b| *b > 0).unwrap_or(end);
    let first: String = chars[..cut]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string();
    let rest: String = chars[cut..].iter().collect::<String>().trim().to_string();
    let second = if text_units(&rest) <= max {
        rest
    } else {
        let mut out = String::new();
        let mut w = 0;
        for c in rest.chars() {
            if w + char_units(c) > max - 1 {
                break;
            }
            w += char_units(c);
            out.push(c);
        }
        format!("{}…", out.trim_end())
    };
    (first, second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_wrap_on_two_lines_at_word_breaks() {
        assert_eq!(label_lines("Step 3.4", 20), ("Step 3.4".into(), "".into()));
        assert_eq!(
            label_lines("Check tenant switchover status", 20),
            ("Check tenant".into(), "switchover status".into())
        );
        // Too long for two lines: the second ends in an ellipsis, within the width.
        let (a, b) = label_lines("Switchover primary tenant to standby and wait for it", 20);
        assert_eq!(a, "Switchover primary");
        assert!(b.ends_with('…') && text_units(&b) <= 20, "{b}");
        // One long word is cut hard.
        let (a, b) = label_lines("WAIT_STANDBY_LOG_SYNC_COMPLETE_AND_CHECK", 20);
        assert_eq!(a, "WAIT_STANDBY_LOG_");
        assert!(text_units(&b) <= 20);
        let (a, b) = label_lines("abcdefghijklmnopqrstuvwxyz", 10);
        assert_eq!((a.as_str(), b.as_str()), ("abcdefghij", "klmnopqrs…"));
        // Chinese counts double and breaks between characters.
        let (a, b) = label_lines("等待备租户日志同步完成并检查切换状态", 20);
        assert_eq!(text_units(&a), 20);
        assert!(text_units(&b) <= 20 && !b.is_empty());
        assert_eq!(
            format!("{a}{}", b.trim_end_matches('…')).chars().count(),
            18
        );
        assert_eq!(label_lines("", 20), (String::new(), String::new()));
    }
}
