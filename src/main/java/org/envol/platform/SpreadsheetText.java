package org.envol.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a small file as spreadsheets and club software save it: UTF-8 with or without a
 * byte-order mark, or else Windows-1252 (what Excel saves « CSV » in, in France). Shared by the
 * features that read such files (member lists, OpenFlyers exports).
 */
public record SpreadsheetText(String text, String encoding) {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static SpreadsheetText decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new SpreadsheetText(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        try {
            return new SpreadsheetText(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString(), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new SpreadsheetText(new String(bytes, WINDOWS_1252), "Windows-1252");
        }
    }
}
