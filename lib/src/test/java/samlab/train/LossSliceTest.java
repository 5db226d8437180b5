package samlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import samlab.data.ImageDataset;
import samlab.nn.Architecture;

class LossSliceTest {
    private static final ImageDataset DATA = SyntheticImages.create(40, 3, 1, 4, 4, 0.3, 5);

    @Test
    void endsAreTheLossAtWAndAtTheSamPointAndParametersStayPut() {
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, 3);
        INDArray before = g.params().dup();
        double rho = 0.5;
        LossSlice.Result s = LossSlice.through(g, true, DATA, rho, new double[] {0, 1}, 16);
        assertEquals(before, g.params());

        // independent: one full pass at w, then at w + rho g/|g| set by hand
        NetworkLoss f = new NetworkLoss(g);
        f.setBatch(new Batches(DATA, true).fill(Batches.identity(40), 0, 40));
        double atW = f.computeGradient(0, 1);
        INDArray grad = f.gradient().dup();
        double norm = grad.norm2Number().doubleValue();
        g.params().addi(grad.mul(rho / norm));
        double atPlus = f.computeGradient(0, 1);
        g.params().assign(before);

        assertEquals(atW, s.loss()[0], 1e-5);
        assertEquals(atPlus, s.loss()[1], 1e-5);
        assertEquals(norm, s.gradientNorm(), 1e-5 * norm);
        assertTrue(atPlus > atW, "w+ lies uphill along the gradient");
    }

    @Test
    void slopeAtZeroIsRhoTimesGradientNorm() {
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, 4);
        double h = 1e-2;
        LossSlice.Result s = LossSlice.through(g, true, DATA, 0.2, new double[] {-h, h}, 40);
        double centred = (s.loss()[1] - s.loss()[0]) / (2 * h);
        // float32 network: a few per cent agreement is what central differences give here
        assertEquals(s.slopeAtZero(), centred, 0.03 * s.slopeAtZero());
    }

    @Test
    void gridAndTableAndBadInput() {
        ComputationGraph g = Architecture.MLP.build(1, 4, 4, 3, 3);
        var t = LossSlice.through(g, true, DATA, 0.1, samlab.landscape.Grid.linspace(0, 1, 3), 40).toTable();
        assertEquals(3, t.rowCount());
        var e = assertThrows(IllegalArgumentException.class, () -> LossSlice.through(g, true, DATA, -1, new double[] {0}, 8));
        assertTrue(e.getMessage().contains("-1"));
    }
}
