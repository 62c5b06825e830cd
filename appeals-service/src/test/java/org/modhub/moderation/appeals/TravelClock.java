package org.modhub.moderation.appeals;

import jakarta.inject.Singleton;

/** Replaces the kit's system clock in tests, so they travel to a window's edge or a due time instead of waiting. */
@Singleton
public class TravelClock extends org.modhub.moderation.devstack.test.TravelClock {}
