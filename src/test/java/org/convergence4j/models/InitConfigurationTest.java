package org.convergence4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class InitConfigurationTest {

    @Test
    void rowsAreTheSeminarsLettersAndTheTwoContrasts() {
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "relu_xavier", "tanh_he"),
                Arrays.stream(InitConfiguration.values()).map(InitConfiguration::key).toList());
    }

    @Test
    void architecturesHaveElevenAndThirtyThreeDenseLayers() {
        assertEquals(11, InitConfiguration.A.mlp().depth());
        assertEquals(List.of(784, 500, 500), InitConfiguration.C.mlp().sizes().subList(0, 3));
        assertEquals(33, InitConfiguration.D.mlp().depth());
        assertEquals(List.of(784, 64, 32, 16), InitConfiguration.TANH_HE.mlp().sizes().subList(0, 4));
        assertEquals(10, InitConfiguration.F.mlp().sizes().get(33));
    }

    @Test
    void contrastsSwapOnlyTheActivationOfDAndE() {
        assertEquals(InitConfiguration.D.mlp().init(), InitConfiguration.RELU_XAVIER.mlp().init());
        assertEquals(Activation.RELU, InitConfiguration.RELU_XAVIER.mlp().activation());
        assertEquals(InitConfiguration.E.mlp().init(), InitConfiguration.TANH_HE.mlp().init());
        assertEquals(Activation.TANH, InitConfiguration.TANH_HE.mlp().activation());
        assertEquals("784→500×10→10 tanh, N(0, 0.1²)", InitConfiguration.A.description());
    }
}
