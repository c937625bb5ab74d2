package org.envol.reports;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.stereotype.Component;

/**
 * The process's standard output as bytes, for a report written there by the command line (an
 * Excel or PDF file is not text: picocli's writer would garble it). Closing flushes it and leaves
 * the process's output open.
 */
@Component
class StandardOutput {

    OutputStream open() {
        return new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
