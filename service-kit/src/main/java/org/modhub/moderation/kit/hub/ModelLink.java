package org.modhub.moderation.kit.hub;

import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * One edge of the model tree: {@code model} is related to another model by {@code relation} (as the
 * hub's {@code base_model:<relation>:<id>} tags say).
 */
public record ModelLink(SubjectRef model, ModelRelation relation) {

    /** How a model derives from its base model (the hub's {@code base_model_relation}). */
    public enum ModelRelation {
        FINETUNE,
        ADAPTER,
        QUANTIZED,
        MERGE
    }
}
