package org.envol.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What both the web server and the command line need: the password encoder, and standard input. */
@Configuration(proxyBeanMethods = false)
class SecurityBeans {

    /** BCrypt, stored as {bcrypt}…: the prefix lets a future algorithm read old hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PasswordSource passwordSource() {
        return new PasswordSource() {
            private BufferedReader stdin;

            @Override
            public synchronized String readLine() throws IOException {
                if (stdin == null) {
                    Console console = System.console();
                    Charset charset = console != null ? console.charset() : Charset.defaultCharset();
                    stdin = new BufferedReader(new InputStreamReader(System.in, charset));
                }
                return stdin.readLine();
            }

            @Override
            public Optional<char[]> readHidden(String prompt) {
                Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
            }
        };
    }
}
