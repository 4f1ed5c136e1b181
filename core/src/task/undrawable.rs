//! A task whose steps cannot form a graph (OCP sent `null` in a step's `upstreams`, a step
//! without an id, a cycle…) is still shown and acted on: its steps listed in OCP's order, the
//! failed ones first, since those are what the operator came for.

use crate::wire::{SubtaskInstance, SubtaskStatus};

/// The steps' positions in OCP's list, as the list shows them: failed first, then the rest,
/// each group in OCP's order.
pub fn order(steps: &[SubtaskInstance]) -> Vec<usize> {
    let failed = |s: &SubtaskInstance| s.status == Some(SubtaskStatus::Failed);
    let (mut first, rest): (Vec<usize>, Vec<usize>) =
        (0..steps.len()).partition(|i| failed(&steps[*i]));
    first.extend(rest);
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Long;

    fn step(id: i64, status: SubtaskStatus) -> SubtaskInstance {
        SubtaskInstance {
            id: Some(Long(id)),
            status: Some(status),
            ..Default::default()
        }
    }

    #[test]
    fn failed_steps_first_then_ocps_order() {
        let steps = vec![
            step(1, SubtaskStatus::Successful),
            step(2, SubtaskStatus::Failed),
            step(3, SubtaskStatus::Pending),
            step(4, SubtaskStatus::Failed),
        ];
        assert_eq!(order(&steps), vec![1, 3, 0, 2]);
        assert!(order(&[]).is_empty());
    }
}
