package org.modhub.moderation.notification.api;

import java.util.List;

/** A page of the delivery log, newest first; pass {@code nextCursor} as {@code cursor} for the next one. */
public record DeliveryPage(List<DeliveryResponse> items, String nextCursor) {
}
