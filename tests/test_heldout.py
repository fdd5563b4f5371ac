"""The held-out part of the shared data is fixed by document id."""
import pytest

from framing._heldout import HELD_OUT_SHARE, is_held_out


def test_held_out_part_is_a_fixed_function_of_the_id():
    # Known members and non-members: a change of the hash rule would silently move documents
    # between the part that trains and the part that scores.
    assert is_held_out("EN_UA_100864")
    assert not is_held_out("EN_UA_013617")
    assert not is_held_out("EN_CC_300125")


def test_held_out_share_is_about_one_in_five():
    ids = [f"EN_UA_{n:06d}" for n in range(5000)]
    share = sum(map(is_held_out, ids)) / len(ids)
    assert abs(share - 1 / HELD_OUT_SHARE) < 0.02


@pytest.mark.parametrize("bad", ["", None, 12])
def test_bad_ids_are_refused(bad):
    with pytest.raises(ValueError, match="document id"):
        is_held_out(bad)
