package cloud.aleph.flink.operators.state;

import cloud.aleph.flink.operators.model.MessageType;

/**
 * The attributes a delegation's filters are matched against (§1).
 *
 * @param type message type
 * @param chain chain wire name
 * @param channel channel, or null
 * @param postType POST {@code content.type}, null for other types
 * @param aggregateKey AGGREGATE effective key, null for other types
 */
record AuthAttributes(MessageType type, String chain, String channel, String postType, String aggregateKey) {}
