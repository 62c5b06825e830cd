package org.modhub.moderation.contracts.event.matching;

/** How a model derives from its base model, as the hub's {@code base_model:<relation>:<id>} tags say. */
public enum DerivationRelation {
    FINETUNE("Fine-tune"),
    ADAPTER("Adapter"),
    QUANTIZED("Quantization"),
    MERGE("Merge");

    private final String label;

    DerivationRelation(String label) {
        this.label = label;
    }

    /** A short human-readable name for this value; JSON keeps the constant's name. */
    public String label() {
        return label;
    }
}
