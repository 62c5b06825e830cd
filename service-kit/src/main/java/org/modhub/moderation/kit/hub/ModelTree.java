package org.modhub.moderation.kit.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.subject.InvalidSubjectException;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.hub.ModelLink.ModelRelation;

/** The model tree as the hub's tags tell it: {@code base_model:<relation>:<namespace>/<name>}. */
final class ModelTree {

    private static final Pattern BASE_MODEL_TAG =
            Pattern.compile("base_model:(finetune|adapter|quantized|merge):([^:/\\s]+)/([^:/\\s]+)");

    private ModelTree() {}

    /** The model links a repository's tags name ({@code base_model:<relation>:<id>}), each once. */
    static List<ModelLink> baseModels(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<ModelLink> links = new ArrayList<>();
        for (String tag : tags) {
            link(tag).ifPresent(l -> {
                if (!links.contains(l.link())) {
                    links.add(l.link());
                }
            });
        }
        return links;
    }

    record Tagged(ModelLink link, String target) {}

    /** {@code base_model:<relation>:<namespace>/<name>} as a link to that model; nothing for any other tag. */
    static Optional<Tagged> link(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        Matcher m = BASE_MODEL_TAG.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            SubjectRef model = SubjectRef.model(m.group(2), m.group(3));
            ModelRelation relation = ModelRelation.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
            return Optional.of(new Tagged(new ModelLink(model, relation), m.group(2) + "/" + m.group(3)));
        } catch (InvalidSubjectException e) {
            return Optional.empty();
        }
    }

    /** A model listed under {@code target}, with the relation its own tag names; none when it names none. */
    static Optional<ModelLink> derivative(HubWire.ModelSummary summary, String target) {
        if (summary.id() == null || summary.tags() == null) {
            return Optional.empty();
        }
        int slash = summary.id().indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        SubjectRef model;
        try {
            model = SubjectRef.model(
                    summary.id().substring(0, slash), summary.id().substring(slash + 1));
        } catch (InvalidSubjectException e) {
            return Optional.empty();
        }
        return summary.tags().stream()
                .map(ModelTree::link)
                .flatMap(Optional::stream)
                .filter(t -> t.target().equals(target))
                .findFirst()
                .map(t -> new ModelLink(model, t.link().relation()));
    }
}
