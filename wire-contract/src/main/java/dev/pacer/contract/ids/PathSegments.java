package dev.pacer.contract.ids;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reading of a request path's tail (what follows {@code /v2/apps}, {@code /v2/groups}, …) into
 * segments, shared by the gateway, which authorizes on it, and the scheduler, which acts on it: both see
 * the same ids in the same bytes, whatever the spelling.
 *
 * <p>The raw (still percent-encoded) tail is split on {@code /} first, then each segment is decoded
 * (strict UTF-8). Empty segments are dropped (the Java client's {@code //id}). A segment that cannot be
 * decoded, or decodes to {@code .}, {@code ..}, or something holding {@code /}, {@code \} or a control
 * character, makes the whole path invalid: such a path names nothing, and is refused rather than guessed.
 */
public final class PathSegments {

    private PathSegments() {
    }

    /** The decoded segments of a raw path tail; {@link InvalidIdException} when any segment is unreadable. */
    public static List<String> decode(String rawTail) {
        List<String> segments = new ArrayList<>();
        if (rawTail == null) {
            return segments;
        }
        for (String raw : rawTail.split("/", -1)) {
            if (!raw.isEmpty()) {
                segments.add(segment(raw));
            }
        }
        return segments;
    }

    private static String segment(String raw) {
        String decoded = raw.indexOf('%') < 0 ? raw : percentDecode(raw);
        if (decoded.equals(".") || decoded.equals("..")) {
            throw new InvalidIdException("path segment '" + decoded + "' is not allowed");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                throw new InvalidIdException("path segment holds a character that is not allowed");
            }
        }
        return decoded;
    }

    private static String percentDecode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new InvalidIdException("malformed percent-encoding in path");
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new InvalidIdException("malformed percent-encoding in path");
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else {
                int codePoint = raw.codePointAt(i);
                bytes.put(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        bytes.flip();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidIdException("percent-encoded path segment is not UTF-8");
        }
    }
}
