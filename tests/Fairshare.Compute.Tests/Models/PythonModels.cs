using Fairshare.Testing;

namespace Fairshare.Compute.Tests.Models;

/// <summary>
/// Small models written by an independent builder, ONNX 1.12's <c>onnx.helper</c>, once per test run into a temporary
/// folder: bad and hostile ones that each break one rule, and ones whose work is computed by hand in the tests.
/// </summary>
public sealed class PythonModels : IDisposable
{
    private const string Script = """
        import sys
        import numpy as np
        import onnx
        from onnx import TensorProto, helper, numpy_helper
        from onnx.external_data_helper import set_external_data

        out = sys.argv[1]
        FLOAT, INT64, BOOL = TensorProto.FLOAT, TensorProto.INT64, TensorProto.BOOL

        def vi(name, elem=FLOAT, shape=(1, 4)):
            return helper.make_tensor_value_info(name, elem, shape)

        def weights(name, rows=4, cols=4):
            return numpy_helper.from_array(np.ones((rows, cols), dtype=np.float32), name)

        def save(name, nodes, inputs=None, outputs=None, initializers=(), opset=17, ir=8, extra_opsets=(), functions=()):
            graph = helper.make_graph(nodes, name, [vi('x')] if inputs is None else inputs,
                                      [vi('y')] if outputs is None else outputs, list(initializers))
            imports = [helper.make_opsetid('', opset)] + [helper.make_opsetid(d, v) for d, v in extra_opsets]
            model = helper.make_model(graph, opset_imports=imports, functions=list(functions))
            model.ir_version = ir
            with open(f'{out}/{name}.onnx', 'wb') as f:
                f.write(model.SerializeToString())

        def external(tensor):
            set_external_data(tensor, location='weights.bin')
            tensor.ClearField('raw_data')
            return tensor

        save('valid', [helper.make_node('MatMul', ['x', 'w'], ['y'])], initializers=[weights('w')])
        save('external_initializer', [helper.make_node('MatMul', ['x', 'w'], ['y'])], initializers=[external(weights('w'))])

        body = helper.make_graph(
            [helper.make_node('Constant', [], ['w'], value=external(weights('body_w'))),
             helper.make_node('MatMul', ['h', 'w'], ['h_out']),
             helper.make_node('Identity', ['cond'], ['cond_out'])],
            'body', [vi('i', INT64, []), vi('cond', BOOL, []), vi('h')], [vi('cond_out', BOOL, []), vi('h_out')])
        trips = helper.make_node('Constant', [], ['n'], value=helper.make_tensor('n', INT64, [], [3]))
        save('external_in_loop', [trips, helper.make_node('Loop', ['n', '', 'x'], ['y'], body=body)])

        save('custom_domain', [helper.make_node('FancyGelu', ['x'], ['y'], domain='com.example')], extra_opsets=[('com.example', 1)])
        save('unknown_operator', [helper.make_node('FooBar', ['x'], ['y'])])
        save('opset_too_high', [helper.make_node('Relu', ['x'], ['y'])], opset=27)
        save('ir_too_high', [helper.make_node('Relu', ['x'], ['y'])], ir=14)
        save('string_input', [helper.make_node('Identity', ['x'], ['y'])], inputs=[vi('x', TensorProto.STRING, [1])], outputs=[vi('y', TensorProto.STRING, [1])])
        save('sequence_output', [helper.make_node('SequenceConstruct', ['x'], ['y'])],
             outputs=[helper.make_value_info('y', helper.make_sequence_type_proto(helper.make_tensor_type_proto(FLOAT, [1, 4])))])
        save('no_inputs', [helper.make_node('Identity', ['w'], ['y'])], inputs=[], initializers=[weights('w', 1, 4)])
        save('no_outputs', [helper.make_node('Relu', ['x'], ['r'])], outputs=[])
        save('cycle', [helper.make_node('Add', ['x', 'b'], ['a']), helper.make_node('Relu', ['a'], ['b']), helper.make_node('Identity', ['a'], ['y'])])
        save('custom_in_if', [helper.make_node('Constant', [], ['c'], value=helper.make_tensor('c', BOOL, [], [True])),
                              helper.make_node('If', ['c'], ['y'],
                                               then_branch=helper.make_graph([helper.make_node('Magic', ['x'], ['t'], domain='org.evil')], 'then', [], [vi('t')]),
                                               else_branch=helper.make_graph([helper.make_node('Relu', ['x'], ['e'])], 'else', [], [vi('e')]))],
             extra_opsets=[('org.evil', 1)])
        function = helper.make_function('local.fns', 'Double', ['a'], ['b'], [helper.make_node('Add', ['a', 'a'], ['b'])],
                                        [helper.make_opsetid('', 17)])
        save('local_function', [helper.make_node('Double', ['x'], ['y'], domain='local.fns')], extra_opsets=[('local.fns', 1)], functions=[function])
        save('no_kernel', [helper.make_node('GRUUnit', ['x'], ['y'])], opset=9, ir=7)
        save('contrib_unknown', [helper.make_node('NotAnOp', ['x'], ['y'], domain='com.microsoft')], extra_opsets=[('com.microsoft', 1)])
        save('invalid_for_runtime', [helper.make_node('MatMul', ['x'], ['y'])])

        # A Loop whose trip count is an input: known when the job gives it, unknown when it is data-dependent.
        step = helper.make_graph(
            [helper.make_node('MatMul', ['h', 'w'], ['h_out']), helper.make_node('Identity', ['cond'], ['cond_out'])],
            'step', [vi('i', INT64, []), vi('cond', BOOL, []), vi('h')], [vi('cond_out', BOOL, []), vi('h_out')])
        save('loop_count_input', [helper.make_node('Loop', ['n', '', 'x'], ['y'], body=step)],
             inputs=[vi('x'), vi('n', INT64, [])], initializers=[weights('w')])
        save('loop_count_from_data', [helper.make_node('ReduceMax', ['d'], ['m'], keepdims=0), helper.make_node('Cast', ['m'], ['n'], to=INT64),
                                      helper.make_node('Loop', ['n', '', 'x'], ['y'], body=step)],
             inputs=[vi('x'), vi('d', FLOAT, [64, 128])], initializers=[weights('w')])
        save('while_loop', [helper.make_node('Constant', [], ['forever'], value=helper.make_tensor('forever', INT64, [], [2**63 - 1])),
                            helper.make_node('Constant', [], ['go'], value=helper.make_tensor('go', BOOL, [], [True])),
                            helper.make_node('Loop', ['forever', 'go', 'x'], ['y'], body=step)],
             initializers=[weights('w')])
        save('weights_listed_as_input', [helper.make_node('MatMul', ['x', 'w'], ['y'])], inputs=[vi('x'), vi('w', FLOAT, [4, 4])],
             initializers=[weights('w')], opset=7, ir=3)

        # Models whose work the tests compute by hand.
        def const(name, values, elem=INT64):
            return helper.make_node('Constant', [], [name], value=helper.make_tensor(name, elem, [len(values)], values))

        def rand(name, *shape):
            return numpy_helper.from_array(np.ones(shape, dtype=np.float32), name)

        save('reshape_chain', [helper.make_node('Shape', ['x'], ['s']), const('zero', [0]), helper.make_node('Gather', ['s', 'zero'], ['n']),
                               const('rest', [-1]), helper.make_node('Concat', ['n', 'rest'], ['target'], axis=0),
                               helper.make_node('Reshape', ['x', 'target'], ['flat']), helper.make_node('MatMul', ['flat', 'w'], ['y'])],
             inputs=[vi('x', FLOAT, ['batch', 3, 4, 5])], outputs=[vi('y', FLOAT, ['batch', 7])], initializers=[rand('w', 60, 7)])
        save('conv_grouped_dilated', [helper.make_node('Conv', ['x', 'w'], ['y'], group=2, dilations=[2, 2], strides=[2, 2], pads=[1, 1, 1, 1])],
             inputs=[vi('x', FLOAT, [1, 4, 9, 9])], outputs=[vi('y', FLOAT, None)], initializers=[rand('w', 6, 2, 3, 3)])
        save('conv_same_upper', [helper.make_node('Conv', ['x', 'w'], ['y'], strides=[2, 2], auto_pad='SAME_UPPER')],
             inputs=[vi('x', FLOAT, [1, 4, 9, 9])], outputs=[vi('y', FLOAT, None)], initializers=[rand('w', 8, 4, 3, 3)])
        save('conv_transpose', [helper.make_node('ConvTranspose', ['x', 'w'], ['t'], strides=[2, 2], pads=[1, 1, 1, 1], output_padding=[1, 1]),
                                helper.make_node('Relu', ['t'], ['y'])],
             inputs=[vi('x', FLOAT, [1, 4, 5, 5])], outputs=[vi('y', FLOAT, None)], initializers=[rand('w', 4, 3, 3, 3)])
        save('conv_transpose_grouped', [helper.make_node('ConvTranspose', ['x', 'w'], ['y'], group=2)],
             inputs=[vi('x', FLOAT, [1, 4, 5, 5])], outputs=[vi('y', FLOAT, None)], initializers=[rand('w', 4, 2, 3, 3)])
        save('resize_sizes', [const('roi', [], FLOAT), helper.make_node('Constant', [], ['scales'], value=helper.make_tensor('scales', FLOAT, [0], [])),
                              const('sizes', [1, 2, 6, 8]), helper.make_node('Resize', ['x', 'roi', 'scales', 'sizes'], ['r'], mode='nearest'),
                              helper.make_node('MatMul', ['r', 'w'], ['y'])],
             inputs=[vi('x', FLOAT, [1, 2, 3, 4])], outputs=[vi('y', FLOAT, None)], initializers=[rand('w', 8, 5)], opset=13)
        save('attention', [helper.make_node('Attention', ['q', 'k', 'v'], ['y'])],
             inputs=[vi('q', FLOAT, [2, 4, 3, 8]), vi('k', FLOAT, [2, 4, 5, 8]), vi('v', FLOAT, [2, 4, 5, 6])], outputs=[vi('y', FLOAT, None)], opset=23, ir=10)
        save('lstm', [helper.make_node('LSTM', ['x', 'w', 'r'], ['y', 'h', 'c'], hidden_size=4, direction='bidirectional')],
             inputs=[vi('x', FLOAT, [5, 2, 3])], outputs=[vi('y', FLOAT, None)], initializers=[rand('w', 2, 16, 3), rand('r', 2, 16, 4)])
        save('einsum', [helper.make_node('Einsum', ['a', 'b'], ['y'], equation='bij,bjk->bik')],
             inputs=[vi('a', FLOAT, [2, 3, 4]), vi('b', FLOAT, [2, 4, 5])], outputs=[vi('y', FLOAT, None)], opset=12)
        save('if_constant', [helper.make_node('Constant', [], ['c'], value=helper.make_tensor('c', BOOL, [], [True])),
                             helper.make_node('If', ['c'], ['y'],
                                              then_branch=helper.make_graph([helper.make_node('MatMul', ['x', 'w'], ['t'])], 'then', [], [vi('t')]),
                                              else_branch=helper.make_graph([helper.make_node('Relu', ['x'], ['e'])], 'else', [], [vi('e')]))],
             initializers=[weights('w')])
        scan_body = helper.make_graph([helper.make_node('MatMul', ['row', 'w'], ['out'])], 'scan_body', [vi('row', FLOAT, [1, 4])], [vi('out', FLOAT, [1, 4])])
        save('scan', [helper.make_node('Scan', ['x'], ['y'], body=scan_body, num_scan_inputs=1)],
             inputs=[vi('x', FLOAT, [6, 1, 4])], outputs=[vi('y', FLOAT, [6, 1, 4])], initializers=[weights('w')])
        save('elementwise_costs', [helper.make_node('Softmax', ['x'], ['s'], axis=-1), helper.make_node('ReduceMean', ['s'], ['r'], axes=[1], keepdims=1),
                                   helper.make_node('LayerNormalization', ['x', 'g', 'b'], ['l'], axis=-1),
                                   helper.make_node('Reshape', ['l', 'shape'], ['l4']), helper.make_node('MaxPool', ['l4'], ['y'], kernel_shape=[2, 2], strides=[1, 1])],
             inputs=[vi('x', FLOAT, [2, 8])], outputs=[vi('y', FLOAT, None)],
             initializers=[rand('g', 8), rand('b', 8), numpy_helper.from_array(np.array([1, 1, 4, 4], dtype=np.int64), 'shape')])
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("fairshare-models-").FullName;

    public PythonModels() => Python.Run(Script, _folder);

    /// <summary>The bytes of the model written as <paramref name="name"/>.onnx.</summary>
    public byte[] this[string name] => File.ReadAllBytes(Path.Combine(_folder, name + ".onnx"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
