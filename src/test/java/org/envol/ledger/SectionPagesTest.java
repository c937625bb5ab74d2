package org.envol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.envol.platform.Commands;
import org.envol.security.SystemActor;
import org.envol.testing.AsUser;
import org.envol.testing.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sections are created by an admin, on the page or the command line; nobody else may. */
class SectionPagesTest extends PageTestSupport {

    @Autowired
    SectionService sections;
    @Autowired
    Commands commands;

    @Test
    void anAdminCreatesASectionOnThePage() throws Exception {
        var admin = user("admin").authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"));
        mvc.perform(post("/sections").param("code", "ulm").param("name", "ULM").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", containsString("ULM")));
        assertThat(SystemActor.run("t", () -> sections.findByCode("ULM"))).isPresent();
        mvc.perform(get("/sections").with(admin)).andExpect(status().isOk()).andExpect(content().string(containsString("ULM")));
        mvc.perform(post("/sections").param("code", "ULM").param("name", "Encore").header("Referer", "http://localhost/sections")
                        .with(admin).with(csrf()))
                .andExpect(flash().attribute("problems", org.hamcrest.Matchers.hasItem(containsString("existe déjà"))));
    }

    @Test
    void aTreasurerCannotCreateASection() throws Exception {
        var club = club();
        mvc.perform(post("/sections").param("code", "X1").param("name", "X").with(AsUser.treasurer(club.id())).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(SystemActor.run("t", () -> sections.findByCode("X1"))).isEmpty();
    }

    @Test
    void theCommandLineCreatesAndListsSections() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), "section", "add", "voltige", "--name", "Voltige");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Section VOLTIGE « Voltige » créée");
        StringWriter list = new StringWriter();
        commands.execute(new PrintWriter(list, true), new PrintWriter(err, true), "section", "list");
        assertThat(list.toString()).contains("VOLTIGE").contains("Voltige");
        StringWriter bad = new StringWriter();
        int refused = commands.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(bad, true), "section", "add", "a b", "--name", "X");
        assertThat(refused).isEqualTo(2);
        assertThat(bad.toString()).contains("Code de section invalide");
    }
}
