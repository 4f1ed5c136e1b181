//! The operator's edits to a proposed plan: move a group earlier or later, move an item within
//! its group, to another group or into a new group of its own. A group left empty goes away.
//! Every edit keeps each item in exactly one group.

use super::plan::Plan;

impl Plan {
    /// The group holding item `item` and its place there.
    pub fn place_of(&self, item: usize) -> Option<(usize, usize)> {
        self.groups
            .iter()
            .enumerate()
            .find_map(|(g, items)| items.iter().position(|&i| i == item).map(|p| (g, p)))
    }

    /// Moves group `g` one place earlier (`up`) or later; false when it cannot move.
    pub fn move_group(&mut self, g: usize, up: bool) -> bool {
        let to = if up { g.checked_sub(1) } else { Some(g + 1) };
        match to.filter(|&t| t < self.groups.len() && g < self.groups.len()) {
            Some(t) => {
                self.groups.swap(g, t);
                true
            }
            None => false,
        }
    }

    /// Moves item `item` one place earlier or later within its group.
    pub fn move_within(&mut self, item: usize, up: bool) -> bool {
        let Some((g, p)) = self.place_of(item) else {
            return false;
        };
        let to = if up { p.checked_sub(1) } else { Some(p + 1) };
        match to.filter(|&t| t < self.groups[g].len()) {
            Some(t) => {
                self.groups[g].swap(p, t);
                true
            }
            None => false,
        }
    }

    /// Moves item `item` to the end of group `to` (`to == groups.len()`: a new last group).
    pub fn move_to_group(&mut self, item: usize, to: usize) -> bool {
        let Some((g, p)) = self.place_of(item) else {
            return false;
        };
        if to > self.groups.len() || to == g {
            return false;
        }
        if to == self.groups.len() {
            self.groups.push(Vec::new());
        }
        self.groups[g].remove(p);
        self.groups[to].push(item);
        self.groups.retain(|grp| !grp.is_empty());
        true
    }
}

impl Plan {
    /// Keeps the operator's order from `old` when the same primaries are proposed again (a
    /// precheck landed, the estate was read again): groups and places by item id. A plan with
    /// other items stays as proposed.
    pub fn keep_order_of(&mut self, old: &Plan) {
        if self.scope != old.scope || self.items.len() != old.items.len() {
            return;
        }
        let index_of = |id: &str| self.items.iter().position(|i| i.id == id);
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for g in &old.groups {
            let mut ng = Vec::new();
            for &i in g {
                match old.items.get(i).and_then(|it| index_of(&it.id)) {
                    Some(n) => ng.push(n),
                    None => return,
                }
            }
            groups.push(ng);
        }
        self.groups = groups;
    }
}
