package samlab.train;

/**
 * One epoch's numbers. Train loss/accuracy are measured in inference mode on the fixed evaluation
 * subset at the end of the epoch; {@code meanStepLoss} is the mean of the step losses during it.
 * Test values are NaN without a test set.
 */
public record EpochRecord(int epoch, long iteration, double meanStepLoss, double trainLoss, double trainAccuracy,
                          double testLoss, double testAccuracy, double learningRate, double rho, boolean sam,
                          Diagnostics diagnostics, double seconds) {}
