package org.envol.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A page rendered by MockMvc saved as a file a browser can open ({@code file://}), with the
 * stylesheet and scripts it uses beside it: to look at a page, or to run its script, without a
 * server or a login.
 */
public final class PageFiles {

    private static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js";

    private PageFiles() {
    }

    public static Path save(String html, Path dir, String name) throws IOException {
        Files.createDirectories(dir.resolve("css"));
        Files.createDirectories(dir.resolve("js"));
        copy("static/css/envol.css", dir.resolve("css/envol.css"));
        copy("static/js/envol.js", dir.resolve("js/envol.js"));
        copy(HTMX, dir.resolve("js/htmx.min.js"));
        String local = html.replace("href=\"/css/envol.css\"", "href=\"css/envol.css\"")
                .replace("src=\"/js/envol.js\"", "src=\"js/envol.js\"")
                .replace("src=\"/webjars/htmx.org/dist/htmx.min.js\"", "src=\"js/htmx.min.js\"");
        Path file = dir.resolve(name);
        Files.writeString(file, local);
        return file;
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = PageFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not on the class path: " + resource);
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
