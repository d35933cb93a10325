"""The learned cleaner's second-stage columns."""

from __future__ import annotations

import numpy as np

from newsprism.clean.features import GROUP_STATS, group_features


def test_group_features_read_the_first_stage_over_each_group() -> None:
    prob = np.array([0.9, 0.8, 0.1, 0.3])
    chars = np.array([400.0, 20.0, 30.0, 30.0])
    groups = np.array([[0, 0], [0, 1], [1, 1], [1, 1]])
    out = group_features(prob, chars, groups)
    assert out.shape == (4, 2 * GROUP_STATS)
    np.testing.assert_allclose(out[:, 0], [0.85, 0.85, 0.2, 0.2])  # mean over the first grouping
    np.testing.assert_allclose(out[:, 2], [0.9, 0.9, 0.3, 0.3])  # highest
    assert out[0, 1] > out[0, 0]  # the long block weighs more in the weighted mean
    np.testing.assert_allclose(out[1:, 3], [0.4, 0.4, 0.4])  # the second grouping joins the last three
    assert group_features(np.zeros(0), np.zeros(0), np.zeros((0, 2), dtype=np.int64)).shape == (0, 2 * GROUP_STATS)
