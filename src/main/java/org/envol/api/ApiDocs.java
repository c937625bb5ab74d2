package org.envol.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /api/openapi.json}, browsable at {@code /api/docs}): what the API
 * is, how to authenticate, the amount convention, and the error model, which every operation
 * shares and is therefore described once here rather than on each endpoint.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String BEARER = "bearer";

    private static final String DESCRIPTION = """
            The books of an Envol club: sections, chart of accounts, accounts, fiscal years, entries, balances.

            **Authentication.** Every call carries an API token: `Authorization: Bearer <token>`. \
            Tokens are created on the server with the command `envol token create`. A token acts with \
            its user's roles: a treasurer writes in his or her sections, an accountant reads, a member \
            reads only his or her own accounts.

            **Amounts** are integers in euro **cents**, signed: a debit is positive, a credit negative \
            (`amountCents: 1250` is a debit of 12.50 €, `-1250` a credit of 12.50 €). An entry is \
            balanced when its lines sum to zero. Balances use the same sign: positive means a debit balance.

            **Dates** are ISO `YYYY-MM-DD`.

            **Entries** are DRAFT (kept, not in the balances), POSTED (in the balances, still editable) \
            or FROZEN (validated: numbered per journal and fiscal year, chained, never changed again; \
            correct them with a reversal).

            **Errors** are RFC 9457 problem details (`application/problem+json`), in the language of \
            `Accept-Language` (French by default, English available): 400 the request is malformed \
            (`field` names the culprit); 401 no valid token; 403 your roles do not allow it; 404 the entry, \
            account or section does not exist; 422 the ledger refused the request — `errors` lists every \
            reason with its stable `code` (see docs/ledger.md), its `message`, the entry `line` (from 1) \
            and the source `reference` when there is one. Nothing is written when a request fails.
            """;

    @Schema(name = "Problem", description = "An error, as RFC 9457 problem details.")
    record ProblemDoc(
            @Schema(example = "about:blank") String type,
            @Schema(description = "Short summary of the kind of error, in the request's language.", example = "Demande refusée")
            String title,
            @Schema(example = "422") int status,
            @Schema(description = "What went wrong and how to fix it, in the request's language.") String detail,
            @Schema(description = "The path of the request.", example = "/api/v1/sections/1/entries") String instance,
            @Schema(description = "404 and 422: every reason, in the ledger's order.") List<ApiProblems.RejectionItem> errors,
            @Schema(description = "400: the body field or parameter at fault.", example = "lines[1].amountCents") String field,
            @Schema(description = "422 from the OpenFlyers endpoints: the refusal's stable message key.",
                    example = "openflyers.journal.file.invalid") String code) {
    }

    @Bean
    OpenAPI envolOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Envol API").version("v1").description(DESCRIPTION))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token created with `envol token create`.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds the shared error responses to every operation, pointing at one Problem schema. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Map<String, io.swagger.v3.oas.models.media.Schema> schemas = ModelConverters.getInstance(true).readAll(ProblemDoc.class);
            schemas.forEach(openApi.getComponents()::addSchemas);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                boolean addressed = path.contains("{");
                item.readOperationsMap().forEach((method, operation) -> {
                    boolean writes = method != PathItem.HttpMethod.GET;
                    add(operation, "400", "Malformed request: invalid JSON, a value of the wrong type, a missing parameter.");
                    add(operation, "401", "No valid API token.");
                    add(operation, "403", "The token's user may not do this here.");
                    if (addressed) {
                        add(operation, "404", "The entry, account or section in the path does not exist.");
                    }
                    if (writes) {
                        add(operation, "422", "Refused by the ledger; `errors` gives each reason. Nothing was written.");
                    }
                });
            });
        };
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType()
                        .schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem")))));
    }
}
