package org.envol.interchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character set of a FEC (formats.md §1.2): UTF-8 with or without a byte-order mark, else
 * ISO-8859-15, or Windows-1252 when bytes 0x80–0x9F appear (control codes in ISO-8859-15,
 * letters and signs such as œ or € in Windows-1252). Decided on the bytes of the whole file,
 * read once without decoding, before the file is read as text.
 */
record FecCharset(Charset charset, boolean bom, String name) {

    static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int BUFFER = 1 << 16;

    static FecCharset detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int n = in.readNBytes(buffer, 0, 3);
            if (n == 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                return new FecCharset(StandardCharsets.UTF_8, true, "UTF-8 (BOM)");
            }
            Scan scan = new Scan();
            scan.bytes(buffer, n);
            while (!scan.decided() && (n = in.read(buffer)) > 0) {
                scan.bytes(buffer, n);
            }
            if (scan.utf8 && scan.pending == 0) {
                return new FecCharset(StandardCharsets.UTF_8, false, "UTF-8");
            }
            return scan.c1 ? new FecCharset(WINDOWS_1252, false, "Windows-1252") : new FecCharset(ISO_8859_15, false, "ISO-8859-15");
        }
    }

    /** The file as text in its character set, the byte-order mark skipped. */
    BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (bom) {
            in.skipNBytes(3);
        }
        return new BufferedReader(new InputStreamReader(in, charset), BUFFER);
    }

    /** Whether the bytes so far are UTF-8 (lead and continuation bytes well formed), and whether any is 0x80–0x9F. */
    private static final class Scan {
        boolean utf8 = true;
        boolean c1;
        int pending;

        boolean decided() {
            return !utf8 && c1;
        }

        void bytes(byte[] buffer, int n) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
                if (b < 0x80 && pending == 0) {
                    continue;
                }
                if (b >= 0x80 && b <= 0x9F) {
                    c1 = true;
                }
                if (!utf8) {
                    continue;
                }
                if (pending > 0) {
                    if ((b & 0xC0) != 0x80) {
                        utf8 = false;
                    } else {
                        pending--;
                    }
                } else if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    pending = 2;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    pending = 3;
                } else {
                    utf8 = false;
                }
            }
        }
    }
}
