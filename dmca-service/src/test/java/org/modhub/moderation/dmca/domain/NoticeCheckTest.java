package org.modhub.moderation.dmca.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.contracts.subject.SubjectRef;

/** Every element check of 17 U.S.C. 512(c)(3)(A), one at a time, and the subjects hub URLs resolve to. */
class NoticeCheckTest {

    private static final HubLinks HUB = new HubLinks("https://huggingface.co");
    private static final NoticeInput.Contact CONTACT =
            new NoticeInput.Contact("Jane Roe", null, "jane@example.net", "1 Main St, Springfield", null);
    private static final NoticeInput COMPLETE = new NoticeInput(
            null,
            "/Jane Roe/",
            List.of(new NoticeInput.Work("My novel 'Rivers' (2019)", "https://example.net/rivers")),
            List.of(
                    new NoticeInput.Material("https://huggingface.co/datasets/acme/books", "the full text of my novel"),
                    new NoticeInput.Material("https://huggingface.co/acme/llm/blob/main/data/rivers.txt", null)),
            CONTACT,
            true,
            true,
            true);

    private static NoticeInput with(
            String signature,
            List<NoticeInput.Work> works,
            List<NoticeInput.Material> material,
            NoticeInput.Contact contact,
            boolean goodFaith,
            boolean accurate,
            boolean authorised) {
        return new NoticeInput(null, signature, works, material, contact, goodFaith, accurate, authorised);
    }

    private static NoticeCheck check(NoticeInput input) {
        return NoticeCheck.of(input, HUB);
    }

    @Test
    void aCompleteNoticeHasNoDeficienciesAndResolvesEachUrl() {
        NoticeCheck check = check(COMPLETE);
        assertThat(check.complete()).isTrue();
        assertThat(check.subjects())
                .extracting(s -> s.key())
                .containsExactly("dataset:acme/books", "file:model:acme/llm@main:data/rivers.txt");
    }

    @Test
    void materialTheHubDoesNotHaveIsNotIdentifiedAndTheSenderIsToldWhich() {
        NoticeCheck check =
                NoticeCheck.of(COMPLETE, HUB, Set.of(SubjectRef.parse("file:model:acme/llm@main:data/rivers.txt")));
        assertThat(check.missing()).containsExactly(DmcaNoticeElement.MATERIAL_IDENTIFIED);
        assertThat(check.deficiencies()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("infringingMaterial[1].url");
            assertThat(d.message()).startsWith("the hub has no file:model:acme/llm@main:data/rivers.txt");
        });
        // What the URL named stays with the item for staff; only what the hub has is a subject.
        assertThat(check.material().get(1).subject()).isEqualTo("file:model:acme/llm@main:data/rivers.txt");
        assertThat(check.subjects()).extracting(s -> s.key()).containsExactly("dataset:acme/books");
    }

    @Test
    void signatureMissing() {
        NoticeCheck check = check(with(" ", COMPLETE.works(), COMPLETE.material(), CONTACT, true, true, true));
        assertThat(check.missing()).containsExactly(DmcaNoticeElement.SIGNATURE);
        assertThat(check.deficiencies())
                .extracting(NoticeCheck.Deficiency::field)
                .containsExactly("signature");
    }

    @Test
    void workMissingOrItsLinkBroken() {
        assertThat(check(with("/J/", List.of(), COMPLETE.material(), CONTACT, true, true, true))
                        .missing())
                .containsExactly(DmcaNoticeElement.WORK_IDENTIFIED);
        assertThat(check(with(
                                "/J/",
                                List.of(new NoticeInput.Work("  ", null)),
                                COMPLETE.material(),
                                CONTACT,
                                true,
                                true,
                                true))
                        .missing())
                .containsExactly(DmcaNoticeElement.WORK_IDENTIFIED);
        NoticeCheck badLink = check(with(
                "/J/",
                List.of(new NoticeInput.Work("My novel", "ftp://x")),
                COMPLETE.material(),
                CONTACT,
                true,
                true,
                true));
        assertThat(badLink.deficiencies())
                .extracting(NoticeCheck.Deficiency::field)
                .containsExactly("copyrightedWorks[0].url");
    }

    @Test
    void materialMissingNotOnTheHubOrNamingNoContent() {
        assertThat(check(with("/J/", COMPLETE.works(), List.of(), CONTACT, true, true, true))
                        .missing())
                .containsExactly(DmcaNoticeElement.MATERIAL_IDENTIFIED);
        NoticeCheck check = check(with(
                "/J/",
                COMPLETE.works(),
                List.of(
                        new NoticeInput.Material("https://huggingface.co/acme/llm", null),
                        new NoticeInput.Material("https://elsewhere.example/acme/llm", null),
                        new NoticeInput.Material("https://huggingface.co/acme", null),
                        new NoticeInput.Material("https://huggingface.co/pricing", null),
                        new NoticeInput.Material(null, "somewhere")),
                CONTACT,
                true,
                true,
                true));
        assertThat(check.missing()).containsExactly(DmcaNoticeElement.MATERIAL_IDENTIFIED);
        assertThat(check.deficiencies())
                .extracting(NoticeCheck.Deficiency::field)
                .containsExactly(
                        "infringingMaterial[1].url",
                        "infringingMaterial[2].url",
                        "infringingMaterial[3].url",
                        "infringingMaterial[4].url");
        assertThat(check.deficiencies().get(0).message()).contains("not a URL on this hub");
        // What could be resolved is kept, so legal and the sender see which items were understood.
        assertThat(check.subjects()).extracting(s -> s.key()).containsExactly("model:acme/llm");
    }

    @Test
    void contactNeedsNameEmailAndAnAddressOrPhone() {
        assertThat(check(with("/J/", COMPLETE.works(), COMPLETE.material(), null, true, true, true))
                        .deficiencies())
                .extracting(NoticeCheck.Deficiency::field)
                .containsExactly("contact");
        NoticeCheck check = check(with(
                "/J/",
                COMPLETE.works(),
                COMPLETE.material(),
                new NoticeInput.Contact("", "Acme", "not-an-address", " ", null),
                true,
                true,
                true));
        assertThat(check.missing()).containsExactly(DmcaNoticeElement.CONTACT_INFORMATION);
        assertThat(check.deficiencies())
                .extracting(NoticeCheck.Deficiency::field)
                .containsExactly("contact.name", "contact.email", "contact.address");
        assertThat(check(with(
                                "/J/",
                                COMPLETE.works(),
                                COMPLETE.material(),
                                new NoticeInput.Contact("Jane", null, "jane@example.net", null, "+1 212 555 0100"),
                                true,
                                true,
                                true))
                        .complete())
                .isTrue();
    }

    @Test
    void goodFaithStatementMissing() {
        NoticeCheck check = check(with("/J/", COMPLETE.works(), COMPLETE.material(), CONTACT, false, true, true));
        assertThat(check.missing()).containsExactly(DmcaNoticeElement.GOOD_FAITH_STATEMENT);
        assertThat(check.deficiencies())
                .extracting(NoticeCheck.Deficiency::field)
                .containsExactly("goodFaithStatement");
    }

    @Test
    void accuracyAndAuthorityAreOneElementOfTwoStatements() {
        assertThat(check(with("/J/", COMPLETE.works(), COMPLETE.material(), CONTACT, true, false, true))
                        .deficiencies())
                .extracting(NoticeCheck.Deficiency::field)
                .containsExactly("accuracyStatement");
        NoticeCheck both = check(with("/J/", COMPLETE.works(), COMPLETE.material(), CONTACT, true, false, false));
        assertThat(both.missing()).containsExactly(DmcaNoticeElement.ACCURACY_AND_AUTHORITY_STATEMENT);
        assertThat(both.deficiencies())
                .extracting(NoticeCheck.Deficiency::field)
                .containsExactly("accuracyStatement", "authorityUnderPenaltyOfPerjury");
    }

    @Test
    void anEmptyNoticeMissesAllSixInStatutoryOrder() {
        NoticeCheck check = check(with(null, null, null, null, false, false, false));
        assertThat(check.missing()).containsExactly(DmcaNoticeElement.values());
        assertThat(NoticeCheck.label(DmcaNoticeElement.GOOD_FAITH_STATEMENT)).isEqualTo("good-faith-statement");
    }

    @Test
    void redactionKeepsCompaniesAndRemovesIndividualsContactDetails() {
        assertThat(Redaction.claimant("Acme Pictures Inc.")).isEqualTo("Acme Pictures Inc.");
        assertThat(Redaction.claimant(null)).isEqualTo(Redaction.INDIVIDUAL);
        assertThat(Redaction.text("Call +1 (212) 555-0100 or mail jane.roe@example.net about 'Rivers' (2019)"))
                .isEqualTo("Call [redacted] or mail [redacted] about 'Rivers' (2019)");
    }

    // --- statements however mail clients wrapped them (issue 21) ---

    /** A notice as Thunderbird sends it: 72 columns, CRLF, a quoted earlier copy, double spaces after full stops. */
    private static final String WRAPPED = String.join(
            "\r\n",
            "Copyrighted work: the novel \"Rivers\" (2019)",
            "The model at https://huggingface.co/acme/llm reproduces it.",
            "",
            "I have a good faith",
            "belief that use of the material in the manner",
            "complained of is not authorized by the copyright owner, its agent, or",
            "the law.  The information in this notification is accurate, and under penalty",
            "of perjury, I am authorized to act on behalf of the owner of an",
            "exclusive right that is allegedly infringed.",
            "",
            "/s/ Jane Roe",
            "Name: Jane Roe",
            "Address: 1 Main St, Springfield");

    private static final MailElements MAIL = new MailElements(HUB, 50);

    @Test
    void statementsWrappedAt72ColumnsWithCrlfAndDoubleSpacesAreFound() {
        MailText.Statements s = MailText.Statements.in(WRAPPED);
        assertThat(s.goodFaith()).isTrue();
        assertThat(s.accurate()).isTrue();
        assertThat(s.authorised()).isTrue();
        // The old matching looked for the phrase on one line: "penalty\r\nof perjury" was not found.
        assertThat(WRAPPED.toLowerCase().contains("penalty of perjury")).isFalse();
        NoticeCheck check = check(MAIL.notice(WRAPPED, "jane@example.net", "Jane Roe <jane@example.net>"));
        assertThat(check.missing()).isEmpty();
    }

    @Test
    void aNoticeQuotedInAReplyIsReadAsItsSenderWroteIt() {
        String quoted = "On Mon, 1 Dec 2026, Jane Roe wrote:\n"
                + WRAPPED.lines()
                        .map(l -> "> " + l)
                        .reduce((a, b) -> a + "\n" + b)
                        .orElseThrow()
                        .replace("> the law.", ">> the law.");
        NoticeInput input = MAIL.notice(quoted, "jane@example.net", null);
        assertThat(input.signature()).isEqualTo("Jane Roe");
        assertThat(input.contact().name()).isEqualTo("Jane Roe");
        assertThat(input.contact().address()).isEqualTo("1 Main St, Springfield");
        assertThat(check(input).complete()).isTrue();
    }

    @Test
    void aStatementBrokenByAPhraseMissingIsStillMissing() {
        String text = "I have a good faith belief that the use is unauthorised.\nThe information above is true.";
        MailText.Statements s = MailText.Statements.in(text);
        assertThat(s.goodFaith()).isTrue();
        assertThat(s.accurate()).isFalse();
        assertThat(s.authorised()).isFalse();
        assertThat(check(MAIL.notice(text, "jane@example.net", null)).missing())
                .contains(DmcaNoticeElement.ACCURACY_AND_AUTHORITY_STATEMENT);
    }

    @Test
    void counterNoticeStatementsOf512g3AreFoundWrappedAndQuoted() {
        String text = String.join(
                "\r\n",
                "> I swear, under penalty of perjury, that I have a good faith",
                "> belief that the material was removed or disabled as a result of",
                "> mistake or misidentification of the material.",
                "> I consent to the jurisdiction of the Federal District Court for",
                "> the judicial district in which my address is located, and I will",
                "> accept service of process from the person who provided the",
                "> notification.",
                "/s/ John Doe",
                "Name: John Doe",
                "Address: 10 Main Street, Springfield",
                "Phone: +1 217 555 0142",
                "Material: https://huggingface.co/acme/llm");
        CounterNoticeInput input = MAIL.counterNotice(text, "john@example.org");
        assertThat(input.goodFaithUnderPenaltyOfPerjury()).isTrue();
        assertThat(input.consentToJurisdiction()).isTrue();
        assertThat(input.consentToServiceOfProcess()).isTrue();
        assertThat(input.signature()).isEqualTo("John Doe");
        assertThat(input.material())
                .extracting(CounterNoticeInput.Item::url)
                .containsExactly("https://huggingface.co/acme/llm");
        assertThat(MailText.Statements.in("I believe this was a mistake.").mistakeUnderPenaltyOfPerjury())
                .isFalse();
    }

    @Test
    void normalisingIsLinearAndBounded() {
        // A megabyte of quote markers and blanks: one pass, capped, and nothing of it is a statement.
        String hostile = "> ".repeat(500_000) + "good faith belief";
        long start = System.nanoTime();
        String normalized = MailText.normalize(hostile);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(normalized.length()).isLessThanOrEqualTo(MailText.MAX_CHARS);
        assertThat(MailText.Statements.in(hostile).goodFaith()).isFalse();
        assertThat(MailText.normalize("Good-Faith\u00a0 belief\r\n>  accurate"))
                .isEqualTo("good faith belief accurate");
    }
}
