package org.envol.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.envol.testing.AsUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document describes every endpoint, the token, the amounts and the errors. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDocsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void describesTheMainPathsTheTokenAndTheErrorModel() throws Exception {
        String json = mvc.perform(get("/api/openapi.json").with(AsUser.admin()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        DocumentContext doc = JsonPath.parse(json);

        Map<String, Map<String, Object>> paths = doc.read("$.paths");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("/api/v1/sections", List.of("get")),
                Map.entry("/api/v1/chart", List.of("get", "post")),
                Map.entry("/api/v1/chart/{code}", List.of("delete")),
                Map.entry("/api/v1/sections/{sectionId}/accounts", List.of("get", "post")),
                Map.entry("/api/v1/accounts/{id}", List.of("get")),
                Map.entry("/api/v1/accounts/{id}/balance", List.of("get")),
                Map.entry("/api/v1/accounts/{id}/statement", List.of("get")),
                Map.entry("/api/v1/sections/{sectionId}/fiscal-years", List.of("get", "post")),
                Map.entry("/api/v1/sections/{sectionId}/entries", List.of("get", "post")),
                Map.entry("/api/v1/entries/{id}", List.of("get", "put", "delete")),
                Map.entry("/api/v1/entries/{id}/post", List.of("post")),
                Map.entry("/api/v1/sections/{sectionId}/entries/validate", List.of("post")),
                Map.entry("/api/v1/entries/{id}/reverse", List.of("post")),
                Map.entry("/api/v1/sections/{sectionId}/trial-balance", List.of("get")));
        expected.forEach((path, methods) -> assertThat(paths).as(path).containsKey(path)
                .extractingByKey(path).satisfies(item -> assertThat(item.keySet()).containsAll(methods)));
        assertThat(paths.keySet()).allMatch(p -> p.startsWith("/api/v1/")).doesNotContain("/api/v1/failing");
        List<String> operationIds = doc.read("$.paths.*.*.operationId");
        assertThat(operationIds).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+"));

        assertThat(doc.read("$.components.securitySchemes.bearer.scheme", String.class)).isEqualTo("bearer");
        assertThat(doc.read("$.security[0]", Map.class)).containsKey("bearer");
        assertThat(doc.read("$.info.description", String.class)).contains("cents").contains("token create");
        assertThat(doc.read("$.components.schemas.NewLine.properties.amountCents.description", String.class))
                .contains("debit is positive");

        String created = "$.paths['/api/v1/sections/{sectionId}/entries'].post.responses";
        assertThat(doc.read(created + "['422'].content['application/problem+json'].schema['$ref']", String.class))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.read(created, Map.class)).containsKeys("201", "400", "401", "403", "404", "422");
        assertThat(doc.read("$.components.schemas.Problem.properties", Map.class)).containsKeys("title", "status", "detail", "errors", "code");
        assertThat(doc.read("$.components.schemas.Rejection.properties", Map.class)).containsKeys("code", "message", "line", "reference");
    }

    @Test
    void theDocumentCanBeBrowsed() throws Exception {
        String page = mvc.perform(get("/api/docs").with(AsUser.admin()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page).with(AsUser.admin())).andExpect(status().isOk());
    }
}
