package com.zephycloud.ledger.infra.http;

import com.zephycloud.ledger.infra.json.ApiJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);
    private final ObjectMapper apiJson = ApiJson.create();

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ApiParamsResolver(apiJson));
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof MappingJackson2HttpMessageConverter);
        converters.add(0, new MappingJackson2HttpMessageConverter(apiJson));
        // bytes already serialized (the OpenAPI document) go out as they are, not as a JSON string
        converters.add(0, new ByteArrayHttpMessageConverter());
    }

    /** Endpoints' envelopes go straight out as JSON, before Spring's own handlers are asked. */
    @Bean
    public SmartInitializingSingleton apiResponsesFirst(RequestMappingHandlerAdapter adapter) {
        return () -> adapter.setReturnValueHandlers(withApiResponsesFirst(adapter.getReturnValueHandlers()));
    }

    /** So do the error envelopes of the exception handlers. */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        for (HandlerExceptionResolver resolver : resolvers) {
            if (resolver instanceof ExceptionHandlerExceptionResolver exceptionHandlers) {
                exceptionHandlers.setReturnValueHandlers(
                        withApiResponsesFirst(exceptionHandlers.getReturnValueHandlers().getHandlers()));
            }
        }
    }

    private List<HandlerMethodReturnValueHandler> withApiResponsesFirst(List<HandlerMethodReturnValueHandler> others) {
        List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
        handlers.add(new ApiResponseWriter(apiJson));
        handlers.addAll(others);
        return handlers;
    }

    /** First of all filters: the time it reports covers everything the server does for a request. */
    @Bean
    public FilterRegistrationBean<ServerTimingFilter> serverTiming() {
        FilterRegistrationBean<ServerTimingFilter> registration = new FilterRegistrationBean<>(new ServerTimingFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Requests that Tomcat itself refuses are answered with the envelope too (see the valve). */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
            }
        });
    }

    /** The reference's paths end with a slash; both forms reach the same endpoint. */
    @Bean
    public FilterRegistrationBean<UrlHandlerFilter> trailingSlash() {
        FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<BasicAuthenticationFilter> basicAuthentication(
            @Value("${zephy.admin.username}") String adminUser,
            @Value("${zephy.admin.password}") String adminPassword,
            @Value("${zephy.service.username}") String serviceUser,
            @Value("${zephy.service.password}") String servicePassword,
            @Value("${spring.datasource.url}") String databaseUrl) {
        boolean demo = databaseUrl.startsWith("jdbc:h2:");
        ApiCredentials admin = new ApiCredentials(adminUser, passwordOrDemo("admin", adminUser, adminPassword, demo));
        ApiCredentials service = new ApiCredentials(serviceUser,
                passwordOrDemo("service", serviceUser, servicePassword, demo));
        FilterRegistrationBean<BasicAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new BasicAuthenticationFilter(admin, service, apiJson));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * No built-in password: on the embedded demo database a missing one is generated and printed
     * once; anywhere else the admin password must be configured, and the service API stays closed
     * without one.
     */
    private static String passwordOrDemo(String role, String user, String configured, boolean demo) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (!demo) {
            if (role.equals("admin")) {
                throw new IllegalStateException("ZEPHY_ADMIN_PASSWORD (zephy.admin.password) is not set:"
                        + " set it to the admin API password");
            }
            log.warn("ZEPHY_SERVICE_PASSWORD is not set: the /service/ API refuses every request");
            return "";
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        System.out.println("Demo " + role + " API credentials (generated for this run only): "
                + user + " / " + generated);
        return generated;
    }
}
