/**
 * Entity extraction from ad and page text: phone numbers (normalised to E.164 with libphonenumber, including numbers
 * written to dodge filters), e-mail addresses, links, messenger identities (Telegram, WhatsApp, Instagram, VK) and
 * cryptocurrency addresses (BTC, ETH, TRON), each with its UTF-16 offsets in the text.
 *
 * <p>Entry point: {@link org.tracelab.core.entities.EntityExtractor}, built once with the case's default region and
 * shared. {@link org.tracelab.core.entities.Deobfuscator} is public too, for indexing the decoded form of a text.
 * The number words it knows are in {@code number-words.txt} beside these classes.
 */
package org.tracelab.core.entities;
