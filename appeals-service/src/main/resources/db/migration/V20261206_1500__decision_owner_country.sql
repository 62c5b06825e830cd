-- The owner's country as the hub directory knew it when the decision was taken (DecisionTaken.ownerCountry): it, not
-- what a form says, decides the further redress an owner's appeal outcome offers. Null: the hub did not know it, and
-- copies taken before this column existed (both options are told then).
ALTER TABLE decision_copy ADD COLUMN owner_country CHAR(2);
