#!/usr/bin/python3
"""A small 4D NIfTI (3x4x2 voxels x 3 volumes, int16, oblique-free affine with spacing 1.5, 2, 3) written by
nibabel, for NiftiSeriesTest: volume t holds 100*t + i + 3*j + 12*k at voxel (i, j, k)."""
import os
import numpy as np
import nibabel as nib

data = np.zeros((3, 4, 2, 3), dtype=np.int16)
for t in range(3):
    for k in range(2):
        for j in range(4):
            for i in range(3):
                data[i, j, k, t] = 100 * t + i + 3 * j + 12 * k
affine = np.diag([1.5, 2.0, 3.0, 1.0])
affine[:3, 3] = [10.0, -20.0, 5.0]
img = nib.Nifti1Image(data, affine)
img.set_qform(affine, code=1)
img.set_sform(affine, code=1)
out = os.path.join(os.path.dirname(__file__), '..', 'resources', 'series', 'series4d.nii.gz')
os.makedirs(os.path.dirname(out), exist_ok=True)
nib.save(img, out)
print('wrote', out, 'nibabel', nib.__version__)
