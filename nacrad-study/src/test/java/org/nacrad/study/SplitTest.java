package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void chronologicalPutsTheEarliestTwoThirdsInTraining() {
        List<String> ids = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            ids.add(String.format("P%03d", i));
            dates.add(LocalDate.of(2021, 1, 1).plusDays((i * 37L) % 1460)); // shuffled dates
        }
        boolean[] train = Split.chronological(ids, dates, 2.0 / 3);
        int nTrain = 0;
        LocalDate lastTrain = LocalDate.MIN;
        LocalDate firstVal = LocalDate.MAX;
        for (int i = 0; i < 240; i++) {
            if (train[i]) {
                nTrain++;
                lastTrain = dates.get(i).isAfter(lastTrain) ? dates.get(i) : lastTrain;
            } else {
                firstVal = dates.get(i).isBefore(firstVal) ? dates.get(i) : firstVal;
            }
        }
        assertThat(nTrain).isEqualTo(160);
        assertThat(lastTrain).isBeforeOrEqualTo(firstVal);
    }

    @Test
    void stratifiedKeepsTheRateAndIsSeeded() {
        boolean[] y = new boolean[240];
        for (int i = 0; i < 60; i++) {
            y[i * 4] = true;
        }
        boolean[] a = Split.stratified(y, 2.0 / 3, 7);
        boolean[] b = Split.stratified(y, 2.0 / 3, 7);
        assertThat(a).isEqualTo(b);
        int trainPos = 0, train = 0;
        for (int i = 0; i < 240; i++) {
            if (a[i]) {
                train++;
                trainPos += y[i] ? 1 : 0;
            }
        }
        assertThat(train).isEqualTo(160);
        assertThat(trainPos).isEqualTo(40);
        assertThat(Split.stratified(y, 2.0 / 3, 8)).isNotEqualTo(a);
    }

    @Test
    void columnSplitNamesBadValues() {
        assertThat(Split.fromColumn(List.of("train", "validation", "Training"), "set")).containsExactly(true, false, true);
        assertThatThrownBy(() -> Split.fromColumn(List.of("train", "x"), "set"))
                .hasMessage("row 2, column set: expected train or validation, got 'x'");
    }
}
