"""python3 -m unittest discover -s training -p 'test_*.py' (stdlib only; not part of npm test)."""
import random
import unittest

from negation_agreement_pairs import pairs_for_row


def made(premise, claim):
    rows = pairs_for_row({"premise": premise, "hypothesis": claim, "body": "b"}, random.Random(1))
    return {row["kind"]: (row["premise"], row["hypothesis"], row["label"]) for row in rows}


class NegationAgreementPairs(unittest.TestCase):
    def test_past_tense_verb_gets_did_not_and_its_complement(self):
        out = made("The council approved the plan on Monday.", "Council approved the plan")
        self.assertEqual(out["negated-opposite-premise"],
                         ("The council did not reject the plan on Monday.", "Council approved the plan", "entailment"))
        self.assertEqual(out["negated-opposite-premise-c"][1:], ("Council rejected the plan", "contradiction"))
        self.assertEqual(out["negated-opposite-claim"][1:], ("Council did not reject the plan", "entailment"))

    def test_negation_goes_after_the_first_auxiliary(self):
        out = made("The scheme will be approved next year.", "Scheme will be approved")
        self.assertEqual(out["negated-opposite-premise"][0], "The scheme will not be rejected next year.")
        self.assertEqual(out["negated-opposite-premise-c"][1], "Scheme will be rejected")

    def test_adjective_after_a_copula(self):
        out = made("The driver was found guilty of careless driving.", "Driver was found guilty")
        self.assertEqual(out["negated-opposite-premise"][0], "The driver was found not innocent of careless driving.")
        self.assertEqual(out["negated-opposite-claim"][1], "Driver was found not innocent")

    def test_no_double_negative_from_a_base_adjective(self):
        self.assertEqual(made("Doctors said he was able to walk.", "He was able to walk"), {})
        out = made("Doctors said he was unable to walk.", "He was unable to walk")
        self.assertEqual(out["negated-opposite-claim"][1], "He was not able to walk")

    def test_particles_and_objects_change_the_verb(self):
        self.assertEqual(made("The plan was approved by councillors.", "Plan was approved by councillors"), {})
        self.assertEqual(made("A marine survived a headshot in Helmand.", "Marine survived a headshot"), {})
        self.assertEqual(made("The bid failed to win support.", "Bid failed to win support"), {})

    def test_gradable_opposites_and_negated_rows_are_left_alone(self):
        self.assertEqual(made("Prices rose by 4 per cent in May.", "Prices rose by 4 per cent"), {})
        self.assertEqual(made("The council did not approve the plan.", "Council did not approve the plan"), {})


if __name__ == "__main__":
    unittest.main()
