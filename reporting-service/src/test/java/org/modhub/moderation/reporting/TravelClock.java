package org.modhub.moderation.reporting;

import jakarta.inject.Singleton;

/** Replaces the kit's system clock in tests, so they travel past a retention period instead of waiting for it. */
@Singleton
public class TravelClock extends org.modhub.moderation.devstack.test.TravelClock {}
