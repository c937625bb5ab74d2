package org.envol.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies of the API are read strictly: a field the API does not know is a 400 naming it,
 * never silently dropped (a misspelt {@code "statut": "DRAFT"} would otherwise post the entry).
 * API bodies are the records declared inside a {@code @RestController}; every other JSON keeps
 * the lenient default, so outside services may add fields without breaking Envol.
 */
@Configuration(proxyBeanMethods = false)
class StrictApiBodies implements WebMvcConfigurer {

    private final JsonMapper mapper;

    StrictApiBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new Reader(mapper.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()));
    }

    static boolean isApiBody(Class<?> type) {
        Class<?> declaring = type.getEnclosingClass();
        return declaring != null && AnnotatedElementUtils.hasAnnotation(declaring, RestController.class);
    }

    /** Reads API bodies only, writes nothing: everything else falls through to the usual converter. */
    static final class Reader extends JacksonJsonHttpMessageConverter {

        Reader(JsonMapper strict) {
            super(strict);
        }

        @Override
        public boolean canRead(ResolvableType type, MediaType mediaType) {
            return isApiBody(type.toClass()) && super.canRead(type, mediaType);
        }

        @Override
        public boolean canRead(Class<?> clazz, MediaType mediaType) {
            return isApiBody(clazz) && super.canRead(clazz, mediaType);
        }

        @Override
        public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canWrite(Class<?> clazz, MediaType mediaType) {
            return false;
        }
    }
}
