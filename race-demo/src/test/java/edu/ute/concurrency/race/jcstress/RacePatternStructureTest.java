package edu.ute.concurrency.race.jcstress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Keeps the jcstress suite honest without running it: every pattern has a racy variant and a fix,
 * the fix forbids what the race produces, no test needs more than 2 CPUs, and the annotation
 * processor registered every test (otherwise jcstress would silently run nothing).
 */
class RacePatternStructureTest {

    static Stream<Class<?>> patterns() {
        return Stream.of(Race_01_LostUpdate.class, Race_02_VolatileIncrement.class, Race_03_CheckThenAct.class,
                Race_04_LazyInitialization.class, Race_05_MapReadModifyWrite.class,
                Race_06_SharedJdkCollection.class, Race_07_StopFlagVisibility.class, Race_08_StoreBuffering.class,
                Race_09_UnsafePublication.class, Race_10_SharedRleOutput.class);
    }

    private static List<Class<?>> variants(Class<?> pattern) {
        return Arrays.stream(pattern.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(JCStressTest.class))
                .toList();
    }

    private static boolean isRacy(Class<?> variant) {
        return variant.getSimpleName().startsWith("Racy");
    }

    private static Set<String> ids(Class<?> variant, Expect expect) {
        return Arrays.stream(variant.getAnnotationsByType(Outcome.class))
                .filter(o -> o.expect() == expect)
                .flatMap(o -> Arrays.stream(o.id()))
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void hasARacyVariantAndAFix(Class<?> pattern) {
        List<Class<?>> variants = variants(pattern);

        assertThat(variants).anyMatch(RacePatternStructureTest::isRacy);
        assertThat(variants).anyMatch(v -> !isRacy(v));
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void racyVariantsDeclareTheRaceInteresting(Class<?> pattern) {
        for (Class<?> racy : variants(pattern).stream().filter(RacePatternStructureTest::isRacy).toList()) {
            assertThat(ids(racy, Expect.ACCEPTABLE_INTERESTING)).as(racy.getName()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void everyFixForbidsEveryOutcomeItsRacySiblingFindsInteresting(Class<?> pattern) {
        List<Class<?>> racyVariants = variants(pattern).stream().filter(RacePatternStructureTest::isRacy).toList();
        for (Class<?> fix : variants(pattern).stream().filter(v -> !isRacy(v)).toList()) {
            Set<String> forbidden = ids(fix, Expect.FORBIDDEN);
            assertThat(ids(fix, Expect.ACCEPTABLE_INTERESTING)).as(fix.getName()).isEmpty();
            assertThat(racyVariants).as("a racy sibling whose race %s forbids", fix.getName())
                    .anyMatch(racy -> forbidden.containsAll(ids(racy, Expect.ACCEPTABLE_INTERESTING)));
        }
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void noTestHasMoreThanTwoActors(Class<?> pattern) {
        for (Class<?> variant : variants(pattern)) {
            long actors = Arrays.stream(variant.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Actor.class)).count();
            assertThat(actors).as(variant.getName()).isBetween(1L, 2L);
        }
    }

    @Test
    void theAnnotationProcessorRegisteredEveryVariant() {
        Set<String> declared = patterns().flatMap(p -> variants(p).stream()).map(Class::getCanonicalName)
                .collect(Collectors.toSet());

        Set<String> registered = new HashSet<>(TestList.tests());

        assertThat(registered).containsAll(declared);
    }

    @Test
    void onlyRacyVariantsMayBeMarkedNotObservedHere() {
        patterns().flatMap(p -> variants(p).stream())
                .filter(v -> v.isAnnotationPresent(NotObservedHere.class))
                .forEach(v -> assertThat(isRacy(v)).as(v.getName()).isTrue());
    }
}
