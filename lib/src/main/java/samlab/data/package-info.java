/**
 * Datasets for training, without ND4J: readers for MNIST/Fashion-MNIST (IDX), CIFAR-10/100
 * (official binary) and image folders; one configurable {@link samlab.data.DataDirectory};
 * verified, resumable downloads of the official files ({@link samlab.data.Datasets#download});
 * and the pieces of an input pipeline on plain arrays: {@link samlab.data.Augmentation},
 * {@link samlab.data.SeededRandom} (shuffles that are the same on every JDK) and
 * {@link samlab.data.Subsets}; {@link samlab.train.Batches} turns them into network inputs.
 *
 * <p>Every {@link samlab.data.ImageDataset} carries a {@code source} naming the copy it came from
 * (for example "CIFAR-10 (JPEG copy)"), so results can say which data they were computed on.
 */
package samlab.data;
