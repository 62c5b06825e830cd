package org.modhub.moderation.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the owner's own address answers a request for changes by mail; the thread token alone is no proof. */
class OwnerAddressTest {

    @Test
    void theOwnersAddressMatchesWithOrWithoutADisplayNameAndInAnyCase() {
        assertThat(OwnerService.sameAddress("owner@example.org", "owner@example.org"))
                .isTrue();
        assertThat(OwnerService.sameAddress("owner@example.org", "The Owner <Owner@Example.org>"))
                .isTrue();
        assertThat(OwnerService.sameAddress("owner@example.org", " owner@example.org "))
                .isTrue();
    }

    @Test
    void anyOtherAddressOrNoneDoesNot() {
        assertThat(OwnerService.sameAddress("owner@example.org", "owner@example.org.evil.test"))
                .isFalse();
        assertThat(OwnerService.sameAddress("owner@example.org", "owner@example.org <mallory@evil.test>"))
                .isFalse();
        assertThat(OwnerService.sameAddress(null, "owner@example.org")).isFalse();
        assertThat(OwnerService.sameAddress("owner@example.org", null)).isFalse();
    }
}
