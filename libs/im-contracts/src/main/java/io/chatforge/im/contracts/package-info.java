/**
 * Wire contracts between ChatForge IM services and clients: immutable records for internal REST
 * calls, WebSocket frames and Kafka events, and the topic names. No Spring and no behaviour here;
 * readers ignore unknown fields so producers can add fields without breaking consumers.
 */
package io.chatforge.im.contracts;
