package com.zephycloud.ledger.infra.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Serves the web console (docs/console.md) at {@code /console/}: its own pages from
 * {@code classpath:/console/}, and the front-end libraries it is built on from their WebJars,
 * so it works without any network beyond this server. Spring's default static mappings are off
 * ({@code spring.web.resources.add-mappings=false}), hence the explicit handlers. The pages hold
 * no data and need no credentials; every figure they show comes from {@code /admin/}, which asks
 * for the admin credentials as always.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

    static final String PATH = "/console";

    /** The libraries under {@code /console/vendor/<name>/}, by their WebJar artifact. */
    static final List<WebJar> LIBRARIES = List.of(
            new WebJar("echarts", "org.webjars.npm", "echarts"),
            new WebJar("alpinejs", "org.webjars.npm", "alpinejs"),
            new WebJar("pico", "org.webjars.npm", "picocss__pico"));

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Revalidated on each load (Last-Modified): a new release of the console is seen at once.
        CacheControl revalidate = CacheControl.noCache();
        for (WebJar library : LIBRARIES) {
            registry.addResourceHandler(PATH + "/vendor/" + library.name() + "/**")
                    .addResourceLocations(library.location())
                    .setCacheControl(revalidate);
        }
        registry.addResourceHandler(PATH + "/**")
                .addResourceLocations("classpath:/console/")
                .setCacheControl(revalidate);
    }

    /** {@code /console/} and {@code /console} (the trailing-slash filter makes them one) open the start page. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(PATH).setViewName("forward:" + PATH + "/index.html");
    }
}
