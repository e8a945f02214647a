package org.ddos.scorematching.pickle;

import java.io.IOException;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * A Pyrolite unpickler that can construct nothing but the numpy classes a DescriptorDOS campaign
 * holds ({@code numpy.ndarray} via {@code _reconstruct}, {@code numpy.dtype} and numpy scalars)
 * plus Python's built-in containers. Any other global, and the opcodes that instantiate classes
 * by other routes (INST, OBJ, NEWOBJ, persistent ids, the extension registry), raise a
 * {@link CampaignFormatException} naming the class: loading never executes or instantiates
 * anything else.
 */
final class RestrictedUnpickler extends Unpickler {
    private static final IObjectConstructor RECONSTRUCT = args -> {
        // _reconstruct(ndarray, (0,), b'b'): an empty array filled by the following BUILD
        if (args.length != 3 || !(args[0] instanceof NdarrayClass)) {
            throw new CampaignFormatException("unexpected arguments to numpy _reconstruct");
        }
        return new NumpyArray();
    };
    private static final IObjectConstructor DTYPE = args -> {
        if (args.length < 1 || !(args[0] instanceof String code)) {
            throw new CampaignFormatException("unexpected arguments to numpy.dtype");
        }
        return new NumpyDtype(code);
    };
    private static final IObjectConstructor SCALAR = args -> {
        if (args.length != 2 || !(args[0] instanceof NumpyDtype dt) || !(args[1] instanceof byte[] raw)) {
            throw new CampaignFormatException("unexpected arguments to numpy scalar (object scalars are refused)");
        }
        return NumpyArray.scalar(dt, raw);
    };
    private static final IObjectConstructor NDARRAY = args -> {
        throw new CampaignFormatException("numpy.ndarray may only be passed to _reconstruct");
    };

    /** Marker pushed for the {@code numpy.ndarray} global: it is an argument, never called. */
    static final class NdarrayClass implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            return NDARRAY.construct(args);
        }
    }

    private static final Map<String, IObjectConstructor> ALLOWED = Map.of(
            "numpy._core.multiarray._reconstruct", RECONSTRUCT,
            "numpy.core.multiarray._reconstruct", RECONSTRUCT,
            "numpy._core.multiarray.scalar", SCALAR,
            "numpy.core.multiarray.scalar", SCALAR,
            "numpy.dtype", DTYPE,
            "numpy.ndarray", new NdarrayClass());

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(allowed(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(name instanceof String n) || !(module instanceof String m)) {
                    throw new CampaignFormatException("malformed pickle: STACK_GLOBAL without module and name");
                }
                stack.add(allowed(m, n));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST, Opcodes.OBJ, Opcodes.NEWOBJ, Opcodes.NEWOBJ_EX, Opcodes.PERSID,
                    Opcodes.BINPERSID, Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4 ->
                throw new CampaignFormatException("pickle opcode " + key
                        + " would instantiate an object by a route a DescriptorDOS campaign never uses; refused");
            default -> {
                return super.dispatch(key);
            }
        }
    }

    private static IObjectConstructor allowed(String module, String name) {
        IObjectConstructor c = ALLOWED.get(module + "." + name);
        if (c == null) {
            throw new CampaignFormatException("the pickle names class " + module + "." + name
                    + ", which is not part of a DescriptorDOS campaign (only numpy arrays, dtypes and scalars are allowed); refused");
        }
        return c;
    }
}
