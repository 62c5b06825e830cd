package org.modhub.moderation.dmca;

import jakarta.inject.Singleton;

/** Replaces the kit's system clock in tests, so they travel to a deadline instead of waiting for it. */
@Singleton
public class MutableClock extends org.modhub.moderation.devstack.test.TravelClock {}
