package io.chatforge.im.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The rules every service module keeps, checked by one small test in each module:
 *
 * <ul>
 *   <li>its feature packages form a directed graph (no package cycles);
 *   <li>controllers reach persistence only through the feature's own classes, never directly
 *       (no JdbcTemplate, repository, entity manager or Redis template in a controller);
 *   <li>it never depends on another service module's code: services talk over HTTP and Kafka,
 *       through the shared contracts;
 *   <li>a Spring bean's constructor takes at most six collaborators.
 * </ul>
 */
public final class ServiceArchitecture {
    /** The root package of each service module. */
    public static final List<String> SERVICES = List.of(
            "io.chatforge.im.gateway",
            "io.chatforge.im.auth",
            "io.chatforge.im.user",
            "io.chatforge.im.friend",
            "io.chatforge.im.message",
            "io.chatforge.im.connector");

    private static final DescribedPredicate<JavaClass> PERSISTENCE = or(
                    resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..", "org.hibernate.."),
                    assignableTo("org.springframework.data.repository.Repository"),
                    assignableTo("org.springframework.data.redis.core.RedisOperations"),
                    assignableTo("org.springframework.data.redis.core.ReactiveRedisOperations"))
            .as("persistence (JDBC, JPA, repositories, Redis templates)");

    /** Constructor parameters of a Spring bean: its collaborators and settings. */
    public static final int MAX_COLLABORATORS = 6;

    private ServiceArchitecture() {}

    /**
     * The production classes of a service module (tests left out): its own output directory when
     * run by Maven in the module (fast), else its package from the classpath.
     */
    public static JavaClasses classesOf(String rootPackage) {
        ClassFileImporter importer = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS);
        Path own = Path.of("target", "classes", rootPackage.replace('.', '/'));
        return Files.isDirectory(own) ? importer.importPath(own) : importer.importPackages(rootPackage);
    }

    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("features depend on each other in one direction only");
    }

    public static ArchRule controllersDoNotTouchPersistence(String rootPackage) {
        return noClasses()
                .that()
                .resideInAPackage(rootPackage + "..")
                .and()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should()
                .dependOnClassesThat(PERSISTENCE)
                .because("a controller maps HTTP to the feature; the feature owns its tables")
                .allowEmptyShould(true);
    }

    public static ArchRule noOtherServiceModules(String rootPackage) {
        String[] others = SERVICES.stream()
                .filter(s -> !s.equals(rootPackage))
                .map(s -> s + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(rootPackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services share contracts, never code: " + Arrays.toString(others));
    }

    public static ArchRule beansTakeFewCollaborators(String rootPackage) {
        return constructors()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(rootPackage + "..")
                .and()
                .areDeclaredInClassesThat()
                .areMetaAnnotatedWith("org.springframework.stereotype.Component")
                .should(new ArchCondition<JavaConstructor>("take at most " + MAX_COLLABORATORS + " parameters") {
                    @Override
                    public void check(JavaConstructor constructor, ConditionEvents events) {
                        int count = constructor.getRawParameterTypes().size();
                        if (count > MAX_COLLABORATORS) {
                            events.add(SimpleConditionEvent.violated(
                                    constructor, constructor.getFullName() + " takes " + count + " parameters"));
                        }
                    }
                })
                .because("a bean that needs more collaborators does more than one job: split it")
                .allowEmptyShould(true);
    }

    /** All of the rules, for a module's test. */
    public static void check(String rootPackage) {
        JavaClasses classes = classesOf(rootPackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + rootPackage);
        }
        noPackageCycles(rootPackage).check(classes);
        controllersDoNotTouchPersistence(rootPackage).check(classes);
        noOtherServiceModules(rootPackage).check(classes);
        beansTakeFewCollaborators(rootPackage).check(classes);
    }
}
